import Foundation
import HummingbirdTesting
import KTPContract
@testable import KTPVision
import NIOCore
import Testing
@testable import KTPServer

/// Hostile bodies over real sockets: every answer is a documented 4xx and the server stays up.
@Suite struct HostileInputTests {
    /// SplitMix64: a seeded generator, so a failing payload can be reproduced.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let documented: Set<String> = Set(ErrorCode.allCases.map(\.rawValue))

    static func payload(_ rng: inout Seeded) -> String {
        let pieces = [
            "{", "}", "[", "]", "\"image\"", "\"reference_id\"", "\"callback_url\"", "\"is_quality\"",
            "\"validate_quality\"", ":", ",", "true", "false", "null", "0", "-1e999", "\"\"", "\"/9j/4AAQ\"",
            "\"iVBORw0KGgo=\"", "\"https://127.0.0.1/x\"", "\"data:image/png;base64,AAAA\"", "\"\\u0000\"", "\"é\"",
        ]
        return (0..<Int.random(in: 1...14, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
    }

    @Test func twoThousandSeededRandomPayloadsGetDocumented4xxAnswers() async throws {
        let harness = try await ExtractionAPITests.Harness()
        try await harness.server.application().test(.live) { client in
            var rng = Seeded(state: 20_261_121)
            for _ in 0..<2000 {
                let body = Self.payload(&rng)
                let (status, json) = try await ExtractionAPITests.submit(client, body)
                if status == 200 { continue }
                #expect((400..<500).contains(status), "\(body) → \(status)")
                #expect(Self.documented.contains(json["error_code"] as? String ?? ""), "\(body)")
            }
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
        }
    }

    @Test func aPNGHeaderClaiming30000PixelsASideIsRefusedBySize() async throws {
        let harness = try await ExtractionAPITests.Harness()
        let png = ImageIntakeTests.png(width: 30_000, height: 30_000)
        let base64 = Data(png).base64EncodedString()
        try await harness.server.application().test(.live) { client in
            let (status, json) = try await ExtractionAPITests.submit(client, #"{"image": "\#(base64)"}"#)
            #expect(status == 400)
            #expect(json["error_code"] as? String == "INVALID_PAYLOAD_IMAGE_SIZE")
        }
    }

    @Test func aPNGHeaderWhoseSidesOverflowTheirProductIsRefusedAndTheServerStaysUp() async throws {
        let harness = try await ExtractionAPITests.Harness()
        try await harness.server.application().test(.live) { client in
            for (width, height) in [(4_294_967_295, 4_294_967_295), (0, 0), (4_294_967_295, 0)] {
                for truncated in [false, true] {
                    let png = ImageIntakeTests.png(width: width, height: height, truncated: truncated)
                    let body = #"{"image": "\#(Data(png).base64EncodedString())"}"#
                    let (status, json) = try await ExtractionAPITests.submit(client, body)
                    #expect(status == 400, "\(width)×\(height)")
                    #expect(Self.documented.contains(json["error_code"] as? String ?? ""))
                }
            }
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
        }
    }

    @Test func wrongTypesAndDeepNestingAreInvalidPayloads() async throws {
        let harness = try await ExtractionAPITests.Harness()
        let nested = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        try await harness.server.application().test(.live) { client in
            for body in [#"{"image": \#(nested)}"#, #"{"image": ["a"]}"#, #"{"is_quality": "true", "image": "x"}"#] {
                let (status, json) = try await ExtractionAPITests.submit(client, body)
                #expect(status == 400)
                #expect(json["error_code"] as? String == "INVALID_PAYLOAD")
            }
        }
    }
}

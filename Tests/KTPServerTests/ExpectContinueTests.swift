import Foundation
import NIOCore
import Testing
@testable import KTPServer

/// A declared body over 8 MiB from a client that waits for `100 Continue` is refused as soon as
/// its head arrives, without `100 Continue`; only a body the server will read gets one.
@Suite struct ExpectContinueTests {
    static func head(length: Int, expect: Bool) -> String {
        "POST \(ExtractionAPI.submitPath) HTTP/1.1\r\nHost: x\r\nApp-ID: app-live\r\nAPI-Key: live-key\r\n"
            + "Content-Type: application/json\r\nContent-Length: \(length)\r\n"
            + (expect ? "Expect: 100-continue\r\n" : "") + "\r\n"
    }

    @Test(.timeLimit(.minutes(1)))
    func aDeclaredBodyOver8MiBIsRefusedAtOnceToAClientWaitingFor100Continue() async throws {
        try await LoopbackService.with { service in
            let connection = try await RawConnection.open(port: service.port)
            let sent = ContinuousClock.now
            try await connection.send(Self.head(length: 9 << 20, expect: true))
            let text = await connection.waitForText(containing: "}", within: .seconds(15))
            let answered = try #require(connection.firstByte, "no answer") - sent
            // At once, not after the 10 s the server would wait for the body; the margin is for a loaded machine.
            #expect(answered < .seconds(5), "the refusal came after \(answered)")
            #expect(text.hasPrefix("HTTP/1.1 400"), "\(text)")
            #expect(!text.contains("100 Continue"))
            #expect(connection.lastBody["error_code"] as? String == "INVALID_PAYLOAD_IMAGE_SIZE")
            // Nothing more is coming: the connection closes straight after the answer.
            #expect(await connection.waitForClose(within: .seconds(2)))
            await connection.close()
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func aBodyWithinTheLimitGets100ContinueAndIsAccepted() async throws {
        try await LoopbackService.with { service in
            let connection = try await RawConnection.open(port: service.port)
            let body = #"{"image": "KTP", "reference_id": "continue-0001"}"#
            try await connection.send(
                Self.head(length: body.utf8.count, expect: true).replacingOccurrences(
                    of: "app-live", with: "app-box"
                ).replacingOccurrences(of: "live-key", with: "box-key"))
            let interim = await connection.waitForText(containing: "\r\n\r\n", within: .seconds(5))
            #expect(interim.hasPrefix("HTTP/1.1 100 Continue"), "\(interim)")
            try await connection.send(body)
            _ = await connection.waitForText(containing: "PROCESSING", within: .seconds(5))
            #expect((connection.lastBody["data"] as? [String: Any])?["status"] as? String == "PROCESSING")
            await connection.close()
        }
    }
}

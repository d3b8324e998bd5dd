import Foundation
import NIOCore
import Testing
@testable import KTPServer

/// Every error the service answers, whatever the input, is the contract's JSON error body: also
/// for requests the HTTP parser refuses and paths no route serves.
@Suite struct ErrorBodyTests {
    /// The raw answer to `request` sent on a fresh connection.
    static func answer(_ request: String, port: Int) async throws -> RawConnection {
        let connection = try await RawConnection.open(port: port)
        try? await connection.send(request)
        _ = await connection.waitForText(containing: "}", within: .seconds(10))
        await connection.close()
        return connection
    }

    static let auth = "App-ID: app-live\r\nAPI-Key: live-key\r\n"

    @Test(.timeLimit(.minutes(1)))
    func aResultQueryWithA100000CharacterReferenceIDIsAnInvalidReferenceID() async throws {
        try await LoopbackService.with { service in
            let long = String(repeating: "a", count: 100_000)
            let connection = try await Self.answer(
                "GET \(ExtractionAPI.resultPath)?reference_id=\(long) HTTP/1.1\r\nHost: x\r\n\(Self.auth)\r\n",
                port: service.port)
            #expect(connection.text.hasPrefix("HTTP/1.1 400"))
            #expect(connection.lastBody["error_code"] as? String == "INVALID_PAYLOAD_REFERENCE_ID")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func aRequestTheParserRefusesGetsTheErrorBody() async throws {
        try await LoopbackService.with { service in
            let huge = String(repeating: "b", count: 2 << 20)
            for request in [
                "GET \(ExtractionAPI.resultPath)?reference_id=abcdef HTTP/1.1\r\nHost: x\r\nX-Big: \(huge)\r\n\r\n",
                "GET /\(huge) HTTP/1.1\r\nHost: x\r\n\r\n",
                "HELLO THERE\r\n\r\n",
                "POST \(ExtractionAPI.submitPath) HTTP/1.1\r\nHost: x\r\nContent-Length: nine\r\n\r\n",
            ] {
                let connection = try await Self.answer(request, port: service.port)
                #expect(connection.text.hasPrefix("HTTP/1.1 400"), "\(connection.text.prefix(200))")
                #expect(connection.lastBody["error_code"] as? String == "INVALID_PAYLOAD")
                #expect(connection.lastBody["message"] is String)
            }
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func anUnknownPathGetsTheErrorBody() async throws {
        try await LoopbackService.with { service in
            let connection = try await Self.answer(
                "GET /nowhere HTTP/1.1\r\nHost: x\r\n\(Self.auth)\r\n", port: service.port)
            #expect(connection.text.hasPrefix("HTTP/1.1 404"))
            #expect(connection.lastBody["error_code"] as? String == "INVALID_PAYLOAD")
        }
    }
}

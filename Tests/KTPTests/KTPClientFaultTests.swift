import Foundation
import Testing
@testable import KTP

/// The client against a scripted server: which answers are retried, how long it waits, when it stops.
@Suite struct KTPClientFaultTests {
    static let accepted = #"{"message":"Request accepted","data":{"reference_id":"fault-ref","status":"PROCESSING"}}"#
    /// Short waits between tries, and a total long enough that a loaded machine never ends a test early.
    static let fast = KTPClient.Configuration(
        totalTimeout: .seconds(600), retry: RetryPolicy(baseDelay: .milliseconds(10)))

    static func withServer(
        _ answers: [FaultServer.Answer], configuration: KTPClient.Configuration = fast,
        _ body: (KTPClient, FaultServer) async throws -> Void
    ) async throws {
        let server = FaultServer()
        await server.script(answers)
        let port = await server.start()
        let client = KTPClient(
            baseURL: URL(string: "http://127.0.0.1:\(port)")!, appID: "fault-app", apiKey: "fault-key",
            configuration: configuration)
        do {
            try await body(client, server)
        } catch {
            try await client.shutdown()
            await server.stop()
            throw error
        }
        try await client.shutdown()
        await server.stop()
    }

    @Test func fiveHundredsThenOKIsAnAcceptanceAfterRetries() async throws {
        let error = #"{"message":"boom","error_code":"INTERNAL_SERVER_ERROR"}"#
        try await Self.withServer([.status(500, body: error), .status(503, body: "<html>busy</html>")]) {
            client, server in
            let acceptance = try await client.submit(
                .bytes([1, 2, 3]), options: SubmitOptions(referenceID: "mine-001"))
            #expect(acceptance.status == .processing)
            #expect(await server.received.count == 3)
        }
    }

    @Test func retriesStopAfterTheConfiguredCount() async throws {
        let error = #"{"message":"boom","error_code":"INTERNAL_SERVER_ERROR"}"#
        try await Self.withServer(Array(repeating: .status(500, body: error), count: 5)) { client, server in
            let thrown = await #expect(throws: KTPError.self) { _ = try await client.result(referenceID: "abc-123") }
            #expect(thrown?.code == .contract(.internalServerError))
            #expect(thrown?.httpStatus == 500)
            #expect(thrown?.attempts == 3)
            #expect(thrown?.referenceID == "abc-123")
            #expect(await server.received.count == 3)
        }
    }

    @Test func aContractRefusalIsNotRetried() async throws {
        let refusal = #"{"message":"no image key","error_code":"MISSING_PAYLOAD_IMAGE"}"#
        try await Self.withServer([.status(400, body: refusal)]) { client, server in
            let thrown = await #expect(throws: KTPError.self) { _ = try await client.submit(.bytes([1])) }
            #expect(thrown?.code == .contract(.missingPayloadImage))
            #expect(thrown?.message == "no image key")
            #expect(await server.received.count == 1)
        }
    }

    @Test func tooManyRequestsWaitsForRetryAfter() async throws {
        let quota = #"{"message":"slow down","error_code":"INTERNAL_SERVER_ERROR"}"#
        try await Self.withServer([.status(429, body: quota, headers: ["Retry-After": "1"])]) { client, server in
            let started = ContinuousClock.now
            _ = try await client.result(referenceID: "abc-123")
            #expect(ContinuousClock.now - started >= .seconds(1), "Retry-After: 1 is honoured over a 10 ms backoff")
            #expect(await server.received.count == 2)
        }
    }

    @Test func aSlowAnswerEndsInATimeoutWithinTheTotal() async throws {
        let configuration = KTPClient.Configuration(totalTimeout: .milliseconds(800), retry: RetryPolicy(maxRetries: 0))
        try await Self.withServer([.slow(.seconds(60), then: 200)], configuration: configuration) { client, _ in
            let started = ContinuousClock.now
            let thrown = await #expect(throws: KTPError.self) { _ = try await client.result(referenceID: "abc-123") }
            #expect(thrown?.code == .timeout)
            #expect(ContinuousClock.now - started < .seconds(30), "the 0.8 s total, not the server's 60 s, ended it")
        }
    }

    @Test func aDroppedConnectionIsRetriedThenReported() async throws {
        let listener = try DroppingListener()
        defer { listener.stop() }
        let client = KTPClient(
            baseURL: URL(string: "http://127.0.0.1:\(listener.port)")!, appID: "a", apiKey: "k",
            configuration: Self.fast)
        let thrown = await #expect(throws: KTPError.self) { _ = try await client.result(referenceID: "abc-123") }
        #expect(thrown?.code == .connection, "\(String(describing: thrown))")
        #expect(thrown?.attempts == 3, "\(String(describing: thrown))")
        try await client.shutdown()
    }

    @Test func aProxyPageIsADecodingErrorWithItsStatus() async throws {
        try await Self.withServer([.status(404, body: "<html>not here</html>")]) { client, _ in
            let thrown = await #expect(throws: KTPError.self) { _ = try await client.result(referenceID: "abc-123") }
            #expect(thrown?.code == .decoding)
            #expect(thrown?.httpStatus == 404)
        }
    }

    @Test func aRetriedSubmitOfOurOwnIDThatExistsIsConfirmedAsAccepted() async throws {
        let exists = #"{"message":"used","error_code":"INVALID_PAYLOAD_REFERENCE_ID_EXISTS"}"#
        try await Self.withServer([.status(502, body: "lost"), .status(400, body: exists)]) { client, server in
            let acceptance = try await client.submit(.bytes([1, 2, 3]))
            #expect(acceptance.confirmedAfterRetry)
            #expect(acceptance.status == .processing)
            let requests = await server.received
            #expect(requests.map(\.method) == ["POST", "POST", "GET"])
            #expect(requests[2].path.contains(acceptance.referenceID))
        }
    }

    @Test func aCallersOwnIDThatExistsStaysAnError() async throws {
        let exists = #"{"message":"used","error_code":"INVALID_PAYLOAD_REFERENCE_ID_EXISTS"}"#
        try await Self.withServer([.status(502, body: "lost"), .status(400, body: exists)]) { client, _ in
            let thrown = await #expect(throws: KTPError.self) {
                _ = try await client.submit(.bytes([1]), options: SubmitOptions(referenceID: "callers-1"))
            }
            #expect(thrown?.errorCode == .invalidPayloadReferenceIDExists)
        }
    }

    @Test func theSubmitBodyCarriesTheContractKeysAndHeaders() async throws {
        try await Self.withServer([]) { client, server in
            _ = try await client.submit(
                .url("https://example.com/ktp.jpg"),
                options: SubmitOptions(
                    referenceID: "order-1", callbackURL: "https://hooks.example.com/ktp", validateQuality: true))
            let request = try #require(await server.received.first)
            #expect(request.headers["App-ID"] == "fault-app")
            #expect(request.headers["API-Key"] == "fault-key")
            let json = try #require(
                try JSONSerialization.jsonObject(with: Data(request.body.utf8)) as? [String: Any])
            #expect(json["image"] as? String == "https://example.com/ktp.jpg")
            #expect(json["reference_id"] as? String == "order-1")
            #expect(json["callback_url"] as? String == "https://hooks.example.com/ktp")
            #expect(json["is_quality"] as? Bool == true)
            #expect(json["validate_quality"] as? Bool == true)
        }
    }

    @Test func anUnreadablePhotoFileFailsBeforeAnyRequest() async throws {
        try await Self.withServer([]) { client, server in
            let thrown = await #expect(throws: KTPError.self) { _ = try await client.submit(.file("/nonexistent.jpg")) }
            #expect(thrown?.code == .photoUnreadable)
            #expect(await server.received.isEmpty)
        }
    }
}

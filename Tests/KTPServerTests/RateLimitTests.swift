import AsyncHTTPClient
import Foundation
import HTTPTypes
import HummingbirdTesting
import KTPRate
import NIOCore
import Synchronization
import Testing
@testable import KTPServer

/// Per-application rate limits: the limiter against a clock the test moves, and the real server on loopback.
@Suite struct RateLimitTests {
    typealias API = ExtractionAPITests

    /// A clock that moves only when told.
    final class ManualClock: Sendable {
        private let instant = Mutex(ContinuousClock.now)

        var now: ContinuousClock.Instant { instant.withLock { $0 } }

        func advance(by duration: Duration) {
            instant.withLock { $0 += duration }
        }
    }

    static func retryAfter(_ limiter: ApplicationRateLimiter, _ appID: String) -> Int? {
        do {
            try limiter.admit(appID)
            return nil
        } catch {
            #expect(error.code == .tooManyRequests && error.status == 429)
            return error.retryAfter
        }
    }

    @Test func retryAfterIsTheWaitInWholeSecondsRoundedUpAndAtLeastOne() {
        let clock = ManualClock()
        let limiter = ApplicationRateLimiter(
            ["fast": RequestRate(count: 2, per: .second), "slow": RequestRate(count: 1, per: .minute)],
            now: { clock.now })
        #expect(Self.retryAfter(limiter, "fast") == nil)
        #expect(Self.retryAfter(limiter, "fast") == nil)
        #expect(Self.retryAfter(limiter, "fast") == 1, "half a second's wait is said as one")
        #expect(Self.retryAfter(limiter, "slow") == nil)
        clock.advance(by: .milliseconds(500))
        #expect(Self.retryAfter(limiter, "fast") == nil)
        #expect(Self.retryAfter(limiter, "slow") == 60, "59.5 s rounds up")
        clock.advance(by: .seconds(59))
        #expect(Self.retryAfter(limiter, "slow") == 1)
        clock.advance(by: .milliseconds(500))
        #expect(Self.retryAfter(limiter, "slow") == nil)
        #expect((0..<100).allSatisfy { _ in Self.retryAfter(limiter, "unlisted") == nil })
    }

    /// Submits `body` as `app` and returns the status, the error code and the `Retry-After` header.
    static func submit(
        _ client: some TestClientProtocol, app: String, key: String, _ body: String
    ) async throws -> (status: Int, code: String?, retryAfter: String?) {
        try await client.execute(
            uri: ExtractionAPI.submitPath, method: .post, headers: API.headers(app, key), body: ByteBuffer(string: body)
        ) { (Int($0.status.code), API.json($0.body)["error_code"] as? String, $0.headers[.retryAfter]) }
    }

    @Test func submitsOverTheRateAnswer429WithRetryAfterRightAfterAuthenticationAndOtherAppsGoOn() async throws {
        var harness = try await API.Harness()
        harness.server.rateLimits = ["app-box": RequestRate(count: 2, per: .minute)]
        try await harness.server.application().test(.live) { client in
            let box = (app: "app-box", key: "box-key")
            for _ in 0..<2 {
                let under = try await Self.submit(client, app: box.app, key: box.key, #"{"image": "KTP"}"#)
                #expect(under.status == 200 && under.retryAfter == nil)
            }
            let wrongKey = try await Self.submit(client, app: box.app, key: "nope", #"{"image": "KTP"}"#)
            #expect(wrongKey.status == 401, "authentication first")
            let over = try await Self.submit(client, app: box.app, key: box.key, #"{"image": "KTP"}"#)
            #expect(over.status == 429)
            #expect(over.code == "TOO_MANY_REQUESTS")
            let seconds = try #require(over.retryAfter.flatMap { Int($0) })
            #expect((1...60).contains(seconds), "two a minute: the next in at most 60 s")
            let malformed = try await Self.submit(client, app: box.app, key: box.key, "{")
            #expect(malformed.status == 429, "the rate before the body's checks")
            for _ in 0..<5 {
                let other = try await Self.submit(client, app: "app-other", key: "other-key", #"{"image": "!!!"}"#)
                #expect(other.status == 400 && other.code == "INVALID_PAYLOAD_IMAGE_FORMAT", "not limited")
            }
        }
    }

    @Test func withNoRateConfiguredNoApplicationIsLimited() async throws {
        let harness = try await API.Harness()
        try await harness.server.application().test(.live) { client in
            for _ in 0..<20 {
                let answer = try await Self.submit(client, app: "app-box", key: "box-key", #"{"image": "KTP"}"#)
                #expect(answer.status == 200)
            }
        }
    }

    @Test(.timeLimit(.minutes(2)))
    func ktpServeLimitsTheApplicationNamedByRateLimit() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ktp-rate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try await ServeProcess.start(
            database: directory.appendingPathComponent("server.sqlite").path, workers: 1,
            arguments: ["--rate-limit", "serve=1/m"])
        defer { server.process.terminate() }
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(server.port)\(ExtractionAPI.submitPath)")
        request.method = .POST
        request.headers.add(name: "App-ID", value: "serve")
        request.headers.add(name: "API-Key", value: "secret")
        request.body = .bytes(ByteBuffer(string: #"{"image": "!!!"}"#))
        let first = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        #expect(first.status.code == 400, "admitted, then refused on its image")
        let second = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        #expect(second.status.code == 429)
        #expect(second.headers.first(name: "Retry-After").flatMap { Int($0) }.map { (1...60).contains($0) } == true)
        let body = try await second.body.collect(upTo: 1 << 16)
        #expect(API.json(body)["error_code"] as? String == "TOO_MANY_REQUESTS")
    }
}

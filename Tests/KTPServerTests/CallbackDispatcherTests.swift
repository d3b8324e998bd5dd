import AsyncHTTPClient
import Foundation
import Hummingbird
import HummingbirdTesting
import KTPContract
import Logging
import NIOCore
import Synchronization
import Testing
@testable import KTPServer

/// Callback delivery against a local receiver on loopback; the schedule's unit is shortened.
@Suite struct CallbackDispatcherTests {
    /// What the receiver saw, and how many of the first requests it fails with 500.
    final class Receiver: Sendable {
        struct Seen: Sendable {
            var authorization: String?
            var body: String
        }

        let failures: Int
        let seen = Mutex<[Seen]>([])

        init(failures: Int) {
            self.failures = failures
        }

        func application() -> some ApplicationProtocol {
            let router = Router()
            router.post("/cb") { request, _ in
                let body = try await request.body.collect(upTo: 1 << 20)
                let count = self.seen.withLock { seen in
                    seen.append(Seen(authorization: request.headers[.authorization], body: String(buffer: body)))
                    return seen.count
                }
                return Response(status: count <= self.failures ? .internalServerError : .ok)
            }
            return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        }
    }

    // Whole seconds: the contract's ISO 8601 timestamps carry no fractions.
    static let t0 = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))

    /// A stored, completed job whose callback points at `url`.
    static func completedJob(in store: SQLiteStore, url: String) async throws -> ResultBody {
        try await store.save(ClientApp(id: "app-live", key: "k", mode: .live))
        _ = try await store.enqueue(
            NewJob(
                applicationID: "app-live", referenceID: "cb-0001",
                options: JobOptions(callbackURL: URL(string: url)), image: [1],
                submittedAt: t0))
        let job = try #require(try await store.claim(worker: "w", lane: .extraction, lease: .seconds(30), now: t0))
        let body = ResultBody(data: ExtractionResult(referenceID: "cb-0001", status: .success, submittedAt: t0))
        #expect(
            try await store.complete(
                jobID: job.id, worker: "w", attempt: job.attempt, result: body, at: t0, retainImage: false))
        return body
    }

    static func dispatch(
        _ store: SQLiteStore, insecure: Bool, until done: @Sendable (CallbackRecord) -> Bool
    )
        async throws -> CallbackRecord
    {
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        var dispatcher = CallbackDispatcher(
            store: store, client: client,
            outbound: OutboundGuard(policy: URLPolicy(allowsInsecure: insecure)),
            logger: Logger(label: "test"))
        dispatcher.schedule = CallbackSchedule(unit: .milliseconds(5), cap: .milliseconds(20))
        dispatcher.pollInterval = .milliseconds(5)
        let running = Task { [dispatcher] in try await dispatcher.run() }
        var record: CallbackRecord?
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline {
            record = try await store.callbacks(applicationID: "app-live", referenceID: "cb-0001")
            if let record, done(record) { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        running.cancel()
        _ = await running.result
        try await client.shutdown()
        return try #require(record)
    }

    @Test func aCallbackIsRetriedAfter500AndCarriesBasicAuthAndTheResultBody() async throws {
        let temporary = try TemporaryStore()
        let receiver = Receiver(failures: 2)
        try await receiver.application().test(.live) { client in
            let body = try await Self.completedJob(in: temporary.store, url: "http://127.0.0.1:\(client.port!)/cb")
            let record = try await Self.dispatch(temporary.store, insecure: true) { $0.state != .pending }
            #expect(record.state == .delivered)
            #expect(record.attempts.map(\.httpStatus) == [500, 500, 200])
            let seen = receiver.seen.withLock { $0 }
            let expectedAuth = "Basic " + Data("app-live:app-live".utf8).base64EncodedString()
            #expect(seen.allSatisfy { $0.authorization == expectedAuth })
            let delivered = try ResultBody.makeDecoder().decode(ResultBody.self, from: Data(seen[0].body.utf8))
            #expect(delivered == body)
        }
    }

    @Test func deliveryGivesUpAfterTwelveAttempts() async throws {
        let temporary = try TemporaryStore()
        let receiver = Receiver(failures: .max)
        try await receiver.application().test(.live) { client in
            _ = try await Self.completedJob(in: temporary.store, url: "http://127.0.0.1:\(client.port!)/cb")
            let record = try await Self.dispatch(temporary.store, insecure: true) { $0.state != .pending }
            #expect(record.state == .failed)
            #expect(record.attempts.count == CallbackSchedule.maxAttempts)
            #expect(
                try await temporary.store.job(applicationID: "app-live", referenceID: "cb-0001")?
                    .result?.data.status == .success, "a failed delivery never changes the result")
        }
    }

    @Test func withoutTheFlagALoopbackCallbackIsRefusedAtDeliveryAndRecorded() async throws {
        let temporary = try TemporaryStore()
        let receiver = Receiver(failures: 0)
        try await receiver.application().test(.live) { client in
            _ = try await Self.completedJob(in: temporary.store, url: "https://127.0.0.1:\(client.port!)/cb")
            let record = try await Self.dispatch(temporary.store, insecure: false) { !$0.attempts.isEmpty }
            #expect(record.attempts.first?.error?.hasPrefix("refused") == true)
            #expect(record.attempts.first?.httpStatus == nil)
            #expect(receiver.seen.withLock { $0.isEmpty })
        }
    }

    @Test func theScheduleDoublesFromOneSecondUpToFiveMinutesWithJitter() {
        let schedule = CallbackSchedule()
        #expect(schedule.delay(retry: 1, jitter: 0.5) == .seconds(1))
        #expect(schedule.delay(retry: 4, jitter: 0.5) == .seconds(8))
        #expect(schedule.delay(retry: 11, jitter: 0.5) == .seconds(300))
        #expect(schedule.delay(retry: 3, jitter: 0) == .seconds(4) * 0.8)
        #expect(schedule.retries(after: 11))
        #expect(!schedule.retries(after: 12))
    }
}

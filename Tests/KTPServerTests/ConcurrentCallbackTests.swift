import AsyncHTTPClient
import Foundation
import Hummingbird
import KTPContract
import HummingbirdTesting
import Logging
import NIOCore
import NIOPosix
import Synchronization
import Testing
@testable import KTPServer

/// Callbacks are delivered side by side: a dead or stalling receiver delays only its own.
@Suite struct ConcurrentCallbackTests {
    /// A receiver on loopback that answers 200 at once and notes when each callback arrived.
    final class Receiver: Sendable {
        let arrivals = Mutex<[String: ContinuousClock.Instant]>([:])

        func application() -> some ApplicationProtocol {
            let router = Router()
            router.post("/cb") { request, _ in
                let body = try await request.body.collect(upTo: 1 << 20)
                let json = ExtractionAPITests.json(body)
                let reference = (json["data"] as? [String: Any])?["reference_id"] as? String ?? "?"
                self.arrivals.withLock { $0[reference] = $0[reference] ?? .now }
                return Response(status: .ok)
            }
            return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        }

        /// Waits for `reference`'s callback, at most `limit`; when it arrived.
        func arrival(of reference: String, within limit: Duration) async -> ContinuousClock.Instant? {
            let deadline = ContinuousClock.now + limit
            while ContinuousClock.now < deadline {
                if let at = arrivals.withLock({ $0[reference] }) { return at }
                try? await Task.sleep(for: .milliseconds(10))
            }
            return nil
        }
    }

    /// Opened once, by the test, to release what waits on it.
    final class Latch: Sendable {
        let isOpen = Mutex(false)
    }

    /// Loopback ports nothing listens on: bound, noted and closed again.
    static func closedPorts(_ count: Int) async throws -> [Int] {
        var ports: [Int] = []
        for _ in 0..<count {
            let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .bind(host: "127.0.0.1", port: 0).get()
            ports.append(channel.localAddress?.port ?? 0)
            try await channel.close()
        }
        return ports
    }

    static func submit(_ client: HTTPClient, port: Int, reference: String, callback: String) async throws -> Int {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(ExtractionAPI.submitPath)")
        request.method = .POST
        request.headers.add(name: "App-ID", value: "app-box")
        request.headers.add(name: "API-Key", value: "box-key")
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(
            ByteBuffer(string: #"{"image": "KTP", "reference_id": "\#(reference)", "callback_url": "\#(callback)"}"#))
        let response = try await client.execute(request, timeout: .seconds(30))
        _ = try await response.body.collect(upTo: 1 << 20)
        return Int(response.status.code)
    }

    @Test(.timeLimit(.minutes(2)))
    func aHealthyCallbackArrivesWithinTwoSecondsAfterTwentyDeadReceivers() async throws {
        let receiver = Receiver()
        let dead = try await Self.closedPorts(20)
        try await receiver.application().test(.live) { receiving in
            try await LoopbackService.with { service in
                try await HTTPClient.scoped { client in
                    for (index, port) in dead.enumerated() {
                        let status = try await Self.submit(
                            client, port: service.port, reference: "dead-\(index + 1000)",
                            callback: "http://127.0.0.1:\(port)/cb")
                        #expect(status == 200)
                    }
                    let submitted = ContinuousClock.now
                    let status = try await Self.submit(
                        client, port: service.port, reference: "healthy-0001",
                        callback: "http://127.0.0.1:\(receiving.port!)/cb")
                    #expect(status == 200)
                    // The sandbox extraction ends right after its submit: from the submit on is at least as strict.
                    let arrived = await receiver.arrival(of: "healthy-0001", within: .seconds(30))
                    let late = try #require(arrived, "the healthy callback did not arrive within 30 s") - submitted
                    #expect(late < .seconds(2), "the healthy callback arrived \(late) after its submit")
                }
            }
        }
    }

    /// A stored, completed job of `app-live` whose callback points at `url`.
    static func completedJob(_ store: SQLiteStore, reference: String, url: String) async throws {
        let now = CallbackDispatcherTests.t0
        _ = try await store.enqueue(
            NewJob(
                applicationID: "app-live", referenceID: reference, options: JobOptions(callbackURL: URL(string: url)),
                image: [1], submittedAt: now))
        let job = try #require(try await store.claim(worker: "w", lane: .extraction, lease: .seconds(30), now: now))
        let body = ResultBody(data: ExtractionResult(referenceID: reference, status: .success, submittedAt: now))
        #expect(
            try await store.complete(
                jobID: job.id, worker: "w", attempt: job.attempt, result: body, at: now, retainImage: false))
    }

    @Test(.timeLimit(.minutes(2)))
    func aStallingReceiverHoldsOnlyItsOwnShareOfDeliveries() async throws {
        let temporary = try TemporaryStore()
        try await temporary.store.save(ClientApp(id: "app-live", key: "k", mode: .live))
        let receiver = Receiver()
        // Stalls until the test ends, so that the receiver's own shutdown need not wait a minute.
        let released = Latch()
        let stalling = Router()
        stalling.post("/cb") { _, _ in
            let deadline = ContinuousClock.now + .seconds(60)
            while !released.isOpen.withLock({ $0 }), ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(50))
            }
            return Response(status: .ok)
        }
        let staller = Application(router: stalling, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await staller.test(.live) { stalled in
            try await receiver.application().test(.live) { receiving in
                for index in 0..<6 {
                    try await Self.completedJob(
                        temporary.store, reference: "stall-\(index + 1000)",
                        url: "http://127.0.0.1:\(stalled.port!)/cb")
                }
                try await Self.completedJob(
                    temporary.store, reference: "healthy-0001", url: "http://127.0.0.1:\(receiving.port!)/cb")
                let client = ImageFetcher.makeClient()
                var dispatcher = CallbackDispatcher(
                    store: temporary.store, client: client,
                    outbound: OutboundGuard(policy: URLPolicy(allowsInsecure: true)), logger: Logger(label: "test"))
                // Four slots in all: without a share per receiver the six stalled callbacks take them all.
                dispatcher.maxInFlight = 4
                dispatcher.maxInFlightPerReceiver = 2
                dispatcher.timeout = .seconds(20)
                dispatcher.pollInterval = .milliseconds(20)
                dispatcher.busyReceiverDelay = .milliseconds(200)
                let started = ContinuousClock.now
                let running = Task { [dispatcher] in try await dispatcher.run() }
                let arrived = await receiver.arrival(of: "healthy-0001", within: .seconds(15))
                released.isOpen.withLock { $0 = true }
                running.cancel()
                _ = await running.result
                try await client.shutdown()
                let late = try #require(arrived, "the healthy callback did not arrive within 15 s") - started
                // Behind the stalled ones it would wait out their 20 s timeout; a loaded machine may take a few
                // seconds to deliver it on its own.
                #expect(late < .seconds(10), "the healthy callback arrived \(late) after the dispatcher started")
            }
        }
    }
}

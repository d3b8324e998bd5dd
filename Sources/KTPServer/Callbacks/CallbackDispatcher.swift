import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import ServiceLifecycle

/// Delivers results to callback URLs from the callbacks' durable queue: `POST` with the GET
/// result's body and `Authorization: Basic base64(APP_ID:APP_ID)`, 10 s per attempt, retried on
/// ``CallbackSchedule``. Deliveries run concurrently, bounded in all and per receiver, so a dead
/// or stalling receiver delays only its own callbacks. The address guard runs again at every
/// delivery; a refusal counts as a failed attempt. A failed delivery never changes the
/// extraction's own result.
public struct CallbackDispatcher: Service {
    public var store: any CallbackStore
    public var client: HTTPClient
    public var outbound: OutboundGuard
    public var schedule = CallbackSchedule()
    public var timeout: Duration = .seconds(10)
    public var pollInterval: Duration = .milliseconds(200)
    /// At most this many deliveries in flight at once…
    public var maxInFlight = 32
    /// …and this many to any one receiver (scheme, host and port).
    public var maxInFlightPerReceiver = 4
    /// How long a callback waits when its receiver already has its share in flight.
    public var busyReceiverDelay: Duration = .seconds(1)
    public var metrics: ServiceMetrics?
    public var logger: Logger

    public init(store: any CallbackStore, client: HTTPClient, outbound: OutboundGuard, logger: Logger) {
        self.store = store
        self.client = client
        self.outbound = outbound
        self.logger = logger
    }

    public func run() async throws {
        let worker = "callbacks-\(ProcessInfo.processInfo.processIdentifier)"
        let slots = ReceiverSlots(total: maxInFlight, perReceiver: maxInFlightPerReceiver)
        // Deliveries run side by side; leaving the group waits for those in flight, so a graceful
        // shutdown records their attempts.
        await withDiscardingTaskGroup { group in
            while !Task.isShuttingDownGracefully && !Task.isCancelled {
                guard slots.hasRoom,
                    let delivery = try? await store.claimCallback(worker: worker, lease: timeout * 3, now: Date())
                else {
                    try? await cancelWhenGracefulShutdown { try await Task.sleep(for: pollInterval) }
                    continue
                }
                let receiver = ReceiverSlots.receiver(of: delivery.url)
                guard slots.take(receiver) else {
                    // Its receiver has its share in flight: untried, it waits its turn, not a slot.
                    let until = Date().addingTimeInterval(busyReceiverDelay.timeInterval)
                    try? await store.postponeCallback(jobID: delivery.jobID, worker: worker, until: until)
                    continue
                }
                group.addTask {
                    await attemptAndRecord(delivery, worker: worker)
                    slots.give(receiver)
                }
            }
        }
    }

    /// One attempt, recorded with what follows it: delivered, a retry on the schedule, or given up.
    func attemptAndRecord(_ delivery: CallbackDelivery, worker: String) async {
        let attempt = await deliver(delivery)
        let number = delivery.previousAttempts + 1
        let retryAt =
            attempt.delivered || !schedule.retries(after: number)
            ? nil
            : Date().addingTimeInterval(
                schedule.delay(retry: number, jitter: Double.random(in: 0..<1)).timeInterval)
        try? await store.recordAttempt(jobID: delivery.jobID, worker: worker, attempt: attempt, retryAt: retryAt)
        let outcome = attempt.delivered ? "delivered" : (attempt.httpStatus == nil ? "error" : "rejected")
        metrics?.callbackAttempt(outcome: outcome)
        logger.info(
            "callback attempt",
            metadata: [
                "reference_id": "\(delivery.referenceID)", "attempt": "\(number)", "outcome": "\(outcome)",
            ])
    }

    func deliver(_ delivery: CallbackDelivery) async -> CallbackAttempt {
        let start = ContinuousClock.now
        let at = Date()
        func attempt(_ status: Int?, _ error: String?) -> CallbackAttempt {
            let elapsed = (ContinuousClock.now - start).components
            let milliseconds = Int(elapsed.seconds * 1000 + elapsed.attoseconds / 1_000_000_000_000_000)
            return CallbackAttempt(at: at, httpStatus: status, latencyMilliseconds: milliseconds, error: error)
        }
        if case .failure(let refusal) = await outbound.check(delivery.url) {
            return attempt(nil, "refused: \(refusal)")
        }
        var request = HTTPClientRequest(url: delivery.url.absoluteString)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        let credentials = Data("\(delivery.applicationID):\(delivery.applicationID)".utf8).base64EncodedString()
        request.headers.add(name: "Authorization", value: "Basic \(credentials)")
        request.body = .bytes(ByteBuffer(string: delivery.body))
        do {
            let deadline = NIODeadline.now() + .nanoseconds(Int64(timeout.timeInterval * 1e9))
            let response = try await client.execute(request, deadline: deadline)
            _ = try? await response.body.collect(upTo: 64 << 10)
            return attempt(Int(response.status.code), nil)
        } catch {
            return attempt(nil, "\(error)")
        }
    }
}

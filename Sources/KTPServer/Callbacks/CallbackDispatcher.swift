import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import ServiceLifecycle

/// Delivers results to callback URLs from the callbacks' durable queue: `POST` with the GET
/// result's body and `Authorization: Basic base64(APP_ID:APP_ID)`, 10 s per attempt, retried on
/// ``CallbackSchedule``. The address guard runs again at every delivery; a refusal counts as a
/// failed attempt. A failed delivery never changes the extraction's own result.
public struct CallbackDispatcher: Service {
    public var store: any CallbackStore
    public var client: HTTPClient
    public var outbound: OutboundGuard
    public var schedule = CallbackSchedule()
    public var timeout: Duration = .seconds(10)
    public var pollInterval: Duration = .milliseconds(200)
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
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            guard let delivery = try? await store.claimCallback(worker: worker, lease: timeout * 3, now: Date()) else {
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: pollInterval) }
                continue
            }
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

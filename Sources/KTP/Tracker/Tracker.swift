import Foundation
import Logging
import ServiceLifecycle

/// Keeps the ledger live: receives callbacks, polls what is pending, and streams every change, including
/// changes other processes make to the same ledger file.
public struct Tracker: Sendable {
    public let client: KTPClient
    public let ledger: Ledger
    public var configuration: Configuration
    public var logger: Logger

    public init(
        client: KTPClient, ledger: Ledger, configuration: Configuration = Configuration(),
        logger: Logger = Logger(label: "ktp.tracker")
    ) {
        self.client = client
        self.ledger = ledger
        self.configuration = configuration
        self.logger = logger
    }

    /// Runs the poller, and the callback receiver when configured, until cancelled; purges the photos no
    /// submission keeps any more on a schedule meanwhile, and returns only once that has stopped too.
    /// `onReceiverRunning` gets the receiver's bound port (useful with port 0).
    public func run(onReceiverRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let housekeeping = Task { await purgePhotosOnSchedule() }
        do {
            try await track(onReceiverRunning: onReceiverRunning)
        } catch {
            housekeeping.cancel()
            await housekeeping.value
            throw error
        }
        housekeeping.cancel()
        await housekeeping.value
    }

    private func track(onReceiverRunning: @escaping @Sendable (Int) async -> Void) async throws {
        let poller = Poller(
            client: client, ledger: ledger, schedule: configuration.pollSchedule,
            limiter: RateLimiter(perSecond: configuration.pollsPerSecond, burst: configuration.pollsPerSecond),
            idleInterval: configuration.watchInterval, logger: logger)
        guard let receiver = configuration.receiver else { return try await poller.run() }
        let application = CallbackReceiver(ledger: ledger, api: client.api, appID: client.appID, logger: logger)
            .application(host: receiver.host, port: receiver.port, onRunning: onReceiverRunning)
        // The listener stops through a graceful shutdown, not cancellation, so that it closes without errors;
        // awaiting the unstructured task's value is what cancellation does not interrupt.
        let services = ServiceGroup(
            configuration: .init(services: [.init(service: application)], gracefulShutdownSignals: [], logger: logger))
        let serving = Task { try await services.run() }
        try await withTaskCancellationHandler {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await poller.run() }
                group.addTask { try await serving.value }
                defer { group.cancelAll() }
                do {
                    try await group.next()
                } catch {
                    await services.triggerGracefulShutdown()
                    throw error
                }
                await services.triggerGracefulShutdown()
            }
        } onCancel: {
            Task { await services.triggerGracefulShutdown() }
        }
    }

    /// Every submission that changes after `revision` (by default: from now on), as it changes, including
    /// changes other processes make; see ``Ledger/watch(after:every:)``.
    public func changes(after revision: Int64? = nil) -> AsyncStream<Submission> {
        ledger.watch(after: revision, every: configuration.watchInterval)
    }
}

import Foundation

/// The callbacks' own durable queue, filled in the same transaction that stores a result.
public protocol CallbackStore: Sendable {
    /// The next callback due at `now`, leased to `worker`.
    func claimCallback(worker: String, lease: Duration, now: Date) async throws(StoreError) -> CallbackDelivery?

    /// Records an attempt and what follows: delivered, another try at `retryAt`, or given up
    /// (`retryAt == nil` and not delivered).
    func recordAttempt(
        jobID: Int64, worker: String, attempt: CallbackAttempt, retryAt: Date?)
        async throws(StoreError)

    /// Gives a claimed callback back untried, due again at `until`: its receiver had no free slot.
    func postponeCallback(jobID: Int64, worker: String, until: Date) async throws(StoreError)

    func callbacks(applicationID: String, referenceID: String) async throws(StoreError) -> CallbackRecord?
}

import KTPContract
import KTPRate
import Synchronization

/// The service's per-application rate limits: ``RateLimits`` behind a lock, read against a clock that tests
/// replace. Applications without a configured rate are never limited.
public final class ApplicationRateLimiter: Sendable {
    private let limits: Mutex<RateLimits<String>>
    private let now: @Sendable () -> ContinuousClock.Instant

    public init(
        _ rates: [String: RequestRate], now: @escaping @Sendable () -> ContinuousClock.Instant = { .now }
    ) {
        limits = Mutex(RateLimits(rates))
        self.now = now
    }

    /// Admits one submit of `appID`, or throws `429 TOO_MANY_REQUESTS` with the whole seconds (at least 1)
    /// until the application's next one would be admitted.
    public func admit(_ appID: String) throws(ContractError) {
        let instant = now()
        guard let wait = limits.withLock({ $0.admit(appID, at: instant) }) else { return }
        let seconds = max(1, Int(wait.components.seconds) + (wait.components.attoseconds > 0 ? 1 : 0))
        throw ContractError(
            .tooManyRequests, status: 429, "the application's rate limit was exceeded", retryAfter: seconds)
    }
}

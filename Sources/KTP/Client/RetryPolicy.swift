/// When to try a call again: capped exponential backoff with jitter, within an overall deadline.
public struct RetryPolicy: Sendable, Hashable {
    /// Retries after the first attempt.
    public var maxRetries: Int
    public var baseDelay: Duration
    public var maxDelay: Duration

    public init(maxRetries: Int = 2, baseDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(10)) {
        self.maxRetries = max(0, maxRetries)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// The wait before retry `retry` (1-based). A server's `Retry-After` wins, capped at `maxDelay`;
    /// otherwise `base × 2^(retry-1)`, capped, times a factor in [0.8, 1.2] from `unitRandom` in [0, 1).
    public func delay(beforeRetry retry: Int, retryAfter: Duration?, unitRandom: Double) -> Duration {
        if let retryAfter { return min(max(retryAfter, .zero), maxDelay) }
        let exponent = min(max(retry - 1, 0), 30)
        let backoff = min(baseDelay * (1 << exponent), maxDelay)
        return backoff * (0.8 + 0.4 * min(max(unitRandom, 0), 1))
    }
}

/// A token bucket: `rate` tokens a second, at most `burst` saved up. Pure, so that it is tested without clocks.
public struct TokenBucket: Sendable, Hashable {
    public let rate: Double
    public let burst: Double
    private var tokens: Double
    private var updated: ContinuousClock.Instant

    public init(rate: Double, burst: Double, now: ContinuousClock.Instant) {
        self.rate = max(rate, 0.001)
        self.burst = max(burst, 1)
        tokens = self.burst
        updated = now
    }

    /// Reserves one token and returns how long the caller must wait before using it.
    public mutating func reserve(at now: ContinuousClock.Instant) -> Duration {
        let elapsed = now - updated
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        tokens = min(burst, tokens + max(seconds, 0) * rate)
        updated = now
        tokens -= 1
        return tokens >= 0 ? .zero : .milliseconds(Int((-tokens / rate * 1000).rounded(.up)))
    }
}

/// Shares one ``TokenBucket`` between tasks.
actor RateLimiter {
    private var bucket: TokenBucket

    init(perSecond rate: Double, burst: Double) {
        bucket = TokenBucket(rate: rate, burst: burst, now: .now)
    }

    func acquire() async throws {
        let wait = bucket.reserve(at: .now)
        if wait > .zero { try await Task.sleep(for: wait) }
    }
}

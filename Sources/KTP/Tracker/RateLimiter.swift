import KTPRate

/// Shares one ``TokenBucket`` between tasks: each caller waits its turn.
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

/// Rate limits keyed by a name (the service's application ids): which requests go now, and how long the
/// refused ones should wait. A value, with the time passed in; keys without a rate are never limited.
public struct RateLimits<Key: Hashable & Sendable>: Sendable {
    public let rates: [Key: RequestRate]
    private var buckets: [Key: TokenBucket] = [:]

    public init(_ rates: [Key: RequestRate]) {
        self.rates = rates
    }

    /// Admits one request for `key` and returns `nil`, or refuses it and returns how long until one would be
    /// admitted. A bucket starts full at its first request.
    public mutating func admit(_ key: Key, at now: ContinuousClock.Instant) -> Duration? {
        guard let rate = rates[key] else { return nil }
        var bucket = buckets[key] ?? rate.bucket(now: now)
        defer { buckets[key] = bucket }
        return bucket.take(at: now)
    }
}

/// When a callback is tried again: retry n waits min(300 s, 2^(n-1) s) times a uniform factor
/// in [0.8, 1.2], and delivery gives up after 12 attempts (the contract's schedule).
public struct CallbackSchedule: Sendable, Hashable {
    public static let maxAttempts = 12
    /// One second in the contract; shorter in tests.
    public var unit: Duration
    public var cap: Duration

    public init(unit: Duration = .seconds(1), cap: Duration = .seconds(300)) {
        self.unit = unit
        self.cap = cap
    }

    /// The wait before retry `n` (the second attempt is retry 1), given a jitter in [0, 1).
    public func delay(retry n: Int, jitter: Double) -> Duration {
        let exponential = unit * (1 << min(max(n - 1, 0), 30))
        let capped = min(exponential, cap)
        return capped * (0.8 + 0.4 * jitter)
    }

    /// Whether another attempt follows attempt `n` (1-based).
    public func retries(after attempt: Int) -> Bool { attempt < Self.maxAttempts }
}

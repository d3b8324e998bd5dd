/// A token bucket: one token every `interval`, at most `burst` saved up. Kept as the generic cell rate algorithm
/// (the instant the next token is due, in exact `Duration`s, so that a minute's rate does not drift by rounding).
/// Pure: the time is passed in, so that it is tested without clocks.
///
/// Two ways to spend a token: ``reserve(at:)`` queues the caller (the SDK's poller waits its turn), and
/// ``take(at:)`` refuses instead (the service answers 429 and the client comes back later).
public struct TokenBucket: Sendable, Hashable {
    public let interval: Duration
    public let burst: Int
    /// When the bucket would next be empty if every token were spent at once: `burst` intervals after it refills.
    private var due: ContinuousClock.Instant

    /// One token every `interval`, `burst` (at least 1) saved up; full at `now`.
    public init(interval: Duration, burst: Int, now: ContinuousClock.Instant) {
        self.interval = max(interval, .nanoseconds(1))
        self.burst = max(burst, 1)
        due = now
    }

    /// `rate` tokens a second (at least one every 1000 s), `burst` saved up; full at `now`.
    public init(rate: Double, burst: Double, now: ContinuousClock.Instant) {
        self.init(interval: .seconds(1) / max(rate, 0.001), burst: Int(burst.rounded(.down)), now: now)
    }

    /// How much of the bucket's capacity may be spent ahead of the steady rate.
    private var tolerance: Duration { interval * (burst - 1) }

    /// Reserves one token, going into debt if need be, and returns how long the caller must wait before using it.
    public mutating func reserve(at now: ContinuousClock.Instant) -> Duration {
        let next = max(due, now)
        due = next + interval
        return max(.zero, next - tolerance - now)
    }

    /// Takes one token if there is one and returns `nil`; otherwise takes nothing and returns how long until
    /// there is one. A refused caller does not push the next token further away.
    public mutating func take(at now: ContinuousClock.Instant) -> Duration? {
        let next = max(due, now)
        let wait = next - tolerance - now
        guard wait <= .zero else { return wait }
        due = next + interval
        return nil
    }
}

/// An open-loop send schedule: request `i` is due at `i / rate` seconds after the start, whatever
/// happened to the requests before it. Latency is measured from the due time, so a server stall
/// shows up in every request it delays rather than hiding behind a waiting client (coordinated
/// omission).
public struct LoadSchedule: Sendable, Hashable {
    /// Requests per second.
    public var rate: Double
    public var duration: Duration

    public init(rate: Double, duration: Duration) {
        precondition(rate > 0, "the rate must be positive")
        self.rate = rate
        self.duration = duration
    }

    /// How many requests the schedule sends: every due time strictly inside the duration.
    public var count: Int {
        Int((duration.seconds * rate).rounded(.up))
    }

    /// When request `index` is due, from the start.
    public func offset(of index: Int) -> Duration {
        .nanoseconds(Int64((Double(index) * 1e9 / rate).rounded()))
    }
}

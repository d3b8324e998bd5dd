/// A rate such as `5/s` or `60/m`: at most `count` requests in each `interval`, all of them at once if saved up.
public struct RequestRate: Sendable, Hashable, CustomStringConvertible {
    public var count: Int
    public var interval: Interval

    public enum Interval: String, Sendable, Hashable {
        case second = "s"
        case minute = "m"

        var duration: Duration { self == .second ? .seconds(1) : .seconds(60) }
    }

    public init(count: Int, per interval: Interval) {
        self.count = count
        self.interval = interval
    }

    /// `COUNT/s` or `COUNT/m` with a whole count of at least 1; `nil` otherwise.
    public init?(parsing text: some StringProtocol) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].allSatisfy({ ("0"..."9").contains($0) }),
            let count = Int(parts[0]), count >= 1,
            let interval = Interval(rawValue: String(parts[1]))
        else { return nil }
        self.init(count: count, per: interval)
    }

    public var description: String { "\(count)/\(interval.rawValue)" }

    /// A full bucket for this rate: `count` at once, then one every `interval / count`.
    public func bucket(now: ContinuousClock.Instant) -> TokenBucket {
        TokenBucket(interval: interval.duration / count, burst: count, now: now)
    }
}

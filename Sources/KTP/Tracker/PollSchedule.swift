/// How long to wait before polling a pending submission again: doubling from `first` up to `cap`.
public struct PollSchedule: Sendable, Hashable {
    public var first: Duration
    public var cap: Duration

    public init(first: Duration = .seconds(1), cap: Duration = .seconds(30)) {
        self.first = first
        self.cap = cap
    }

    /// The wait after the `polls`-th poll (1-based) still found the submission pending.
    public func delay(afterPolls polls: Int) -> Duration {
        min(first * (1 << min(max(polls - 1, 0), 20)), cap)
    }
}

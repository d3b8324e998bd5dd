import Foundation

/// The queue as metrics show it: how many jobs wait, and since when the oldest of them has.
public struct QueueStats: Sendable, Hashable {
    /// Jobs in state `queued`, including those waiting out a retry's backoff.
    public var depth: Int
    /// When the oldest queued job was submitted; `nil` when none is queued.
    public var oldestSubmittedAt: Date?

    public init(depth: Int, oldestSubmittedAt: Date?) {
        self.depth = depth
        self.oldestSubmittedAt = oldestSubmittedAt
    }

    /// Seconds the oldest queued job has waited at `now`; 0 when none waits.
    public func oldestAge(at now: Date) -> TimeInterval {
        oldestSubmittedAt.map { max(0, now.timeIntervalSince($0)) } ?? 0
    }
}

/// Percentiles of a set of latencies, by nearest rank on the sorted samples: exact, because a
/// load run holds a few thousand samples at most and sorting them costs nothing.
public struct LatencySummary: Sendable, Hashable {
    public var count: Int
    public var p50: Duration
    public var p90: Duration
    public var p99: Duration
    public var max: Duration

    /// `nil` without samples.
    public init?(_ samples: [Duration]) {
        guard !samples.isEmpty else { return nil }
        let sorted = samples.sorted()
        count = sorted.count
        p50 = Self.percentile(50, ofSorted: sorted)
        p90 = Self.percentile(90, ofSorted: sorted)
        p99 = Self.percentile(99, ofSorted: sorted)
        max = sorted[sorted.count - 1]
    }

    /// The smallest sample with at least `percent` % of the samples at or below it.
    public static func percentile(_ percent: Double, ofSorted sorted: [Duration]) -> Duration {
        precondition(!sorted.isEmpty && (0...100).contains(percent))
        let rank = Int((percent / 100 * Double(sorted.count)).rounded(.up))
        return sorted[Swift.max(rank, 1) - 1]
    }
}

import Foundation

/// A finished run, printed as a few aligned lines.
public struct LoadReport: Sendable, Hashable {
    public var schedule: LoadSchedule
    public var photoBytes: Int
    public var tally: LoadTally
    /// Terminal results at the start, when the last submit was answered, and after the drain.
    public var completions: [CompletionCount]

    public init(schedule: LoadSchedule, photoBytes: Int, tally: LoadTally, completions: [CompletionCount]) {
        self.schedule = schedule
        self.photoBytes = photoBytes
        self.tally = tally
        self.completions = completions
    }

    public var lines: [String] {
        var lines = [
            "offered      \(Self.number(schedule.rate, 1)) submits/s for "
                + "\(Self.number(schedule.duration.seconds, 1)) s: \(tally.sent) submits of a \(photoBytes)-byte photo",
            "accepted     \(tally.acceptedLatencies.count), \(Self.number(tally.acceptedPerSecond, 1))/s over "
                + "\(Self.number(tally.lastAnswer.seconds, 2)) s",
        ]
        if let latency = LatencySummary(tally.acceptedLatencies) {
            lines.append(
                "latency      p50 \(Self.ms(latency.p50))  p90 \(Self.ms(latency.p90))  p99 \(Self.ms(latency.p99))  "
                    + "max \(Self.ms(latency.max))  (accepted submits, from the due time)")
        }
        let refusals = tally.refusals.sorted { $0.key < $1.key }.map { "\($0.value) × \($0.key)" }
        lines.append("not 2xx      \(refusals.isEmpty ? "none" : refusals.joined(separator: ", "))")
        for (earlier, later) in zip(completions, completions.dropFirst()) {
            lines.append(
                "extractions  \(later.done - earlier.done) in \(Self.number((later.at - earlier.at).seconds, 1)) s "
                    + "from \(Self.number(earlier.at.seconds, 1)) s: \(Self.number(later.perMinute(since: earlier), 1))"
                    + "/min")
        }
        return lines
    }

    static func ms(_ duration: Duration) -> String { "\(number(duration.milliseconds, 1)) ms" }

    static func number(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }
}

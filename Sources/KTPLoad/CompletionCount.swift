/// The server's count of terminal results (`SUCCESS` or `FAILED`) at one moment of a run, read
/// from the `ktp_jobs{state="done"}` gauge of its `/metrics`.
public struct CompletionCount: Sendable, Hashable {
    /// Since the start of the run.
    public var at: Duration
    public var done: Int

    public init(at: Duration, done: Int) {
        self.at = at
        self.done = done
    }

    static let series = #"ktp_jobs{state="done"}"#

    /// The `done` gauge's value in a Prometheus text exposition, or `nil` when it is absent.
    public static func done(inMetrics text: String) -> Int? {
        for line in text.split(separator: "\n") where line.hasPrefix(series + " ") {
            return Double(line.dropFirst(series.count + 1).trimmingPrefix(" ")).map { Int($0) }
        }
        return nil
    }

    /// Extractions completed per minute between `earlier` and this count.
    public func perMinute(since earlier: CompletionCount) -> Double {
        let seconds = (at - earlier.at).seconds
        return seconds > 0 ? Double(done - earlier.done) / seconds * 60 : 0
    }
}

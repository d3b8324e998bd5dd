import Testing
@testable import KTPLoad

@Suite struct CompletionCountTests {
    static let metrics = """
        # TYPE ktp_jobs gauge
        ktp_jobs{state="queued"} 5812
        ktp_jobs{state="running"} 2
        ktp_jobs{state="done"} 186
        # TYPE ktp_queue_depth gauge
        ktp_queue_depth 5812
        """

    @Test func readsTheDoneGaugeFromThePrometheusText() {
        #expect(CompletionCount.done(inMetrics: Self.metrics) == 186)
        #expect(CompletionCount.done(inMetrics: "ktp_jobs{state=\"done\"} 3.0\n") == 3)
        #expect(CompletionCount.done(inMetrics: "ktp_queue_depth 4\n") == nil)
    }

    @Test func extractionsPerMinuteBetweenTwoCounts() {
        let start = CompletionCount(at: .zero, done: 10)
        let later = CompletionCount(at: .seconds(30), done: 70)
        #expect(later.perMinute(since: start) == 120)
        #expect(start.perMinute(since: start) == 0)
    }
}

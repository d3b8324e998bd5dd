import Testing
@testable import KTPLoad

@Suite struct LatencySummaryTests {
    @Test func percentilesAreNearestRankOnTheSortedSamples() throws {
        let samples = (1...100).reversed().map { Duration.milliseconds($0) }
        let summary = try #require(LatencySummary(samples))
        #expect(summary.count == 100)
        #expect(summary.p50 == .milliseconds(50))
        #expect(summary.p90 == .milliseconds(90))
        #expect(summary.p99 == .milliseconds(99))
        #expect(summary.max == .milliseconds(100))
    }

    @Test func oneSlowSampleInAThousandIsTheMaxButNotTheP99() throws {
        let samples = Array(repeating: Duration.milliseconds(5), count: 999) + [.seconds(2)]
        let summary = try #require(LatencySummary(samples))
        #expect(summary.p99 == .milliseconds(5))
        #expect(summary.max == .seconds(2))
        // Eleven slow ones in a thousand reach the p99.
        let worse = try #require(
            LatencySummary(Array(samples.dropFirst(10)) + Array(repeating: .seconds(2), count: 10)))
        #expect(worse.p99 == .seconds(2))
    }

    @Test func aSingleSampleIsEveryPercentileAndNoSamplesIsNoSummary() throws {
        let one = try #require(LatencySummary([.milliseconds(7)]))
        #expect([one.p50, one.p90, one.p99, one.max] == Array(repeating: .milliseconds(7), count: 4))
        #expect(LatencySummary([]) == nil)
    }
}

import Testing
@testable import KTPLoad

@Suite struct LoadReportTests {
    @Test func printsTheFiguresOfARun() {
        var tally = LoadTally()
        for index in 0..<100 {
            tally.record(
                SubmitOutcome(.status(200, errorCode: nil), latency: .milliseconds(index + 1)),
                due: .milliseconds(index * 10))
        }
        tally.record(
            SubmitOutcome(.status(400, errorCode: "INVALID_PAYLOAD_IMAGE_SIZE"), latency: .milliseconds(2)),
            due: .milliseconds(1000))
        let report = LoadReport(
            schedule: LoadSchedule(rate: 100, duration: .seconds(1)), photoBytes: 1_077_173, tally: tally,
            completions: [
                CompletionCount(at: .zero, done: 0), CompletionCount(at: .seconds(1), done: 4),
                CompletionCount(at: .seconds(61), done: 124),
            ])
        let lines = report.lines
        #expect(lines[0] == "offered      100.0 submits/s for 1.0 s: 101 submits of a 1077173-byte photo")
        #expect(lines[1] == "accepted     100, 91.7/s over 1.09 s")
        #expect(
            lines[2]
                == "latency      p50 50.0 ms  p90 90.0 ms  p99 99.0 ms  max 100.0 ms  "
                + "(accepted submits, from the due time)")
        #expect(lines[3] == "not 2xx      1 × 400 INVALID_PAYLOAD_IMAGE_SIZE")
        #expect(lines[4] == "extractions  4 in 1.0 s from 0.0 s: 240.0/min")
        #expect(lines[5] == "extractions  120 in 60.0 s from 1.0 s: 120.0/min")
    }
}

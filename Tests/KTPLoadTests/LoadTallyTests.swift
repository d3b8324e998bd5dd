import Testing
@testable import KTPLoad

@Suite struct LoadTallyTests {
    @Test func acceptedLatenciesAndRefusalsByStatusAndCode() {
        var tally = LoadTally()
        tally.record(SubmitOutcome(.status(200, errorCode: nil), latency: .milliseconds(4)), due: .zero)
        tally.record(SubmitOutcome(.status(400, errorCode: "INVALID_PAYLOAD"), latency: .milliseconds(3)), due: .zero)
        tally.record(
            SubmitOutcome(.status(400, errorCode: "INVALID_PAYLOAD"), latency: .milliseconds(3)), due: .milliseconds(10)
        )
        tally.record(SubmitOutcome(.status(503, errorCode: nil), latency: .milliseconds(3)), due: .milliseconds(20))
        tally.record(SubmitOutcome(.transportError("reset"), latency: .seconds(1)), due: .milliseconds(30))
        tally.record(SubmitOutcome(.status(200, errorCode: nil), latency: .milliseconds(6)), due: .milliseconds(40))
        #expect(tally.acceptedLatencies == [.milliseconds(4), .milliseconds(6)])
        #expect(tally.refusals == ["400 INVALID_PAYLOAD": 2, "503": 1, "error: reset": 1])
        #expect(tally.sent == 6)
        #expect(tally.lastAnswer == .milliseconds(1030))
    }

    @Test func throughputIsAcceptedSubmitsOverTheAcceptPhase() {
        var tally = LoadTally()
        for index in 0..<100 {
            tally.record(
                SubmitOutcome(.status(200, errorCode: nil), latency: .milliseconds(20)),
                due: .milliseconds(index * 10))
        }
        // The last is due at 990 ms and answered at 1010 ms.
        #expect(abs(tally.acceptedPerSecond - 100 / 1.01) < 1e-9)
    }
}

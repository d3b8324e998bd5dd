import Testing
@testable import KTPServer

@Suite struct JobSignalTests {
    @Test(.timeLimit(.minutes(1)))
    func aSignalWakesEveryWaiterLongBeforeItsLimit() async {
        let signal = JobSignal()
        let clock = ContinuousClock()
        let start = clock.now
        // Signals until every waiter is back: a signal sent before a waiter waits wakes nobody.
        let signaller = Task {
            while !Task.isCancelled {
                signal.signal()
                try? await Task.sleep(for: .milliseconds(10))
            }
        }
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<3 { group.addTask { await signal.wait(upTo: .seconds(60)) } }
        }
        signaller.cancel()
        #expect(clock.now - start < .seconds(30))
    }

    @Test func aWaitWithoutASignalEndsAtItsLimit() async {
        let elapsed = await ContinuousClock().measure { await JobSignal().wait(upTo: .milliseconds(50)) }
        #expect(elapsed >= .milliseconds(50))
    }
}

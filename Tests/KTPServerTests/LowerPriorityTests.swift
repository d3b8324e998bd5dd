import Foundation
import Synchronization
import Testing
@testable import KTPServer

@Suite struct LowerPriorityTests {
    @Test func threadsStartedThroughItRunNicerAndTheCallerKeepsItsPriority() throws {
        let before = getpriority(LowerPriority.thisThread, 0)
        let (own, started) = try LowerPriority.run { () -> (Int32, Int32) in
            let seen = Mutex<Int32>(0)
            let done = DispatchSemaphore(value: 0)
            let thread = Thread {
                seen.withLock { $0 = getpriority(LowerPriority.thisThread, 0) }
                done.signal()
            }
            thread.start()
            done.wait()
            return (getpriority(LowerPriority.thisThread, 0), seen.withLock { $0 })
        }
        let expected = min(before + LowerPriority.niceness, 19)
        #expect(own == expected)
        #expect(started == expected, "a thread started inside inherits the lower priority")
        #expect(getpriority(LowerPriority.thisThread, 0) == before)
    }
}

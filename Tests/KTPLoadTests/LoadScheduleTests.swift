import Testing
@testable import KTPLoad

@Suite struct LoadScheduleTests {
    @Test func sendsAtFixedIntervalsFromTheStart() {
        let schedule = LoadSchedule(rate: 100, duration: .seconds(60))
        #expect(schedule.count == 6000)
        #expect(schedule.offset(of: 0) == .zero)
        #expect(schedule.offset(of: 1) == .milliseconds(10))
        #expect(schedule.offset(of: 5999) == .milliseconds(59_990))
    }

    @Test func anUnevenRateRoundsToTheNanosecondAndCountsEveryDueTimeInsideTheDuration() {
        let schedule = LoadSchedule(rate: 3, duration: .seconds(1))
        #expect(schedule.count == 3)
        #expect(schedule.offset(of: 1) == .nanoseconds(333_333_333))
        #expect(schedule.offset(of: 2) == .nanoseconds(666_666_667))
        #expect(LoadSchedule(rate: 100, duration: .milliseconds(1005)).count == 101)
        #expect(LoadSchedule(rate: 0.5, duration: .seconds(3)).count == 2)
    }

    @Test func dueTimesNeverDriftOverALongRun() {
        // Each due time is computed from the start, not added to the last one: no accumulated error.
        let schedule = LoadSchedule(rate: 7, duration: .seconds(3600))
        #expect(schedule.offset(of: 7 * 3599) == .seconds(3599))
    }
}

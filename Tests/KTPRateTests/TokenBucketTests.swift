import Testing
import KTPRate

/// The bucket's two ways of spending, with the time passed in.
@Suite struct TokenBucketTests {
    @Test func reservingSpendsTheBurstThenWaitsOneIntervalPerToken() {
        let start = ContinuousClock.now
        var bucket = TokenBucket(rate: 4, burst: 2, now: start)
        #expect(bucket.reserve(at: start) == .zero)
        #expect(bucket.reserve(at: start) == .zero)
        #expect(bucket.reserve(at: start) == .milliseconds(250))
        #expect(bucket.reserve(at: start) == .milliseconds(500))
        #expect(bucket.reserve(at: start + .seconds(10)) == .zero, "refilled, but never above the burst")
        #expect(bucket.reserve(at: start + .seconds(10)) == .zero)
        #expect(bucket.reserve(at: start + .seconds(10)) == .milliseconds(250))
    }

    @Test func takingRefusesWithoutDebtAndSaysWhenTheNextTokenComes() {
        let start = ContinuousClock.now
        var bucket = TokenBucket(rate: 2, burst: 1, now: start)
        #expect(bucket.take(at: start) == nil)
        #expect(bucket.take(at: start) == .milliseconds(500))
        #expect(bucket.take(at: start + .milliseconds(100)) == .milliseconds(400), "a refusal spends nothing")
        #expect(bucket.take(at: start + .milliseconds(500)) == nil)
        #expect(bucket.take(at: start + .milliseconds(500)) == .milliseconds(500))
    }

    @Test func aMinutesRateIsExactAfterLongWaits() {
        let start = ContinuousClock.now
        var bucket = TokenBucket(interval: .seconds(60), burst: 1, now: start)
        #expect(bucket.take(at: start) == nil)
        #expect(bucket.take(at: start + .milliseconds(59_500)) == .milliseconds(500))
        #expect(bucket.take(at: start + .seconds(60)) == nil, "due to the attosecond, not a rounding short")
        #expect(bucket.take(at: start + .seconds(60)) == .seconds(60))
    }

    @Test func aFullBucketSavesNoMoreThanItsBurst() {
        let start = ContinuousClock.now
        var bucket = TokenBucket(interval: .seconds(1), burst: 3, now: start)
        let later = start + .seconds(3600)
        #expect((0..<3).allSatisfy { _ in bucket.take(at: later) == nil })
        #expect(bucket.take(at: later) == .seconds(1), "an hour idle saved three, not 3600")
    }
}

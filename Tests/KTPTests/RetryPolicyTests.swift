import Foundation
import Testing
@testable import KTP

@Suite struct RetryPolicyTests {
    @Test func backoffDoublesFromTheBaseAndStopsAtTheCap() {
        let policy = RetryPolicy(maxRetries: 5, baseDelay: .milliseconds(500), maxDelay: .seconds(3))
        let middle = (1...5).map { policy.delay(beforeRetry: $0, retryAfter: nil, unitRandom: 0.5) }
        #expect(middle == [.milliseconds(500), .seconds(1), .seconds(2), .seconds(3), .seconds(3)])
    }

    @Test func jitterStaysWithinTwentyPercent() {
        let policy = RetryPolicy(baseDelay: .seconds(1))
        #expect(policy.delay(beforeRetry: 1, retryAfter: nil, unitRandom: 0) == .milliseconds(800))
        #expect(policy.delay(beforeRetry: 1, retryAfter: nil, unitRandom: 0.999_999) < .milliseconds(1200))
        #expect(policy.delay(beforeRetry: 1, retryAfter: nil, unitRandom: 0.999_999) > .milliseconds(1199))
    }

    @Test func retryAfterWinsButIsCapped() {
        let policy = RetryPolicy(baseDelay: .milliseconds(100), maxDelay: .seconds(5))
        #expect(policy.delay(beforeRetry: 1, retryAfter: .seconds(2), unitRandom: 0.5) == .seconds(2))
        #expect(policy.delay(beforeRetry: 1, retryAfter: .seconds(120), unitRandom: 0.5) == .seconds(5))
    }

    @Test func retryAfterReadsSecondsAndHTTPDates() {
        #expect(RetryAfter.parse("3") == .seconds(3))
        #expect(RetryAfter.parse("-1") == nil)
        #expect(RetryAfter.parse("soon") == nil)
        let now = Date(timeIntervalSince1970: 1_784_000_000)
        let later = "Sat, 21 Nov 2026 10:00:05 GMT"
        let base = RetryAfter.parse("Sat, 21 Nov 2026 10:00:00 GMT", now: now) ?? .zero
        let delta = (RetryAfter.parse(later, now: now) ?? .zero) - base
        #expect(delta == .seconds(5))
    }
}

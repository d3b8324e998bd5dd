import Testing
import KTPRate

/// Per-key limits and the `COUNT/s` and `COUNT/m` rates that configure them.
@Suite struct RateLimitsTests {
    @Test func ratesParseFromCountPerSecondOrMinuteOnly() {
        #expect(RequestRate(parsing: "5/s") == RequestRate(count: 5, per: .second))
        #expect(RequestRate(parsing: "60/m") == RequestRate(count: 60, per: .minute))
        for bad in ["", "5", "/s", "0/s", "-1/s", "5/h", "5/s/s", "five/s", "5 /s", "+5/s", "٥/s"] {
            #expect(RequestRate(parsing: bad) == nil, "\(bad)")
        }
        #expect(RequestRate(count: 5, per: .second).description == "5/s")
    }

    @Test func aKeyOverItsRateIsRefusedUntilItsNextTokenAndOtherKeysAreNot() {
        let start = ContinuousClock.now
        var limits = RateLimits([
            "slow": RequestRate(count: 2, per: .second), "other": RequestRate(count: 1, per: .minute),
        ])
        #expect(limits.admit("slow", at: start) == nil)
        #expect(limits.admit("slow", at: start) == nil, "the count goes at once")
        #expect(limits.admit("slow", at: start) == .milliseconds(500))
        #expect(limits.admit("other", at: start) == nil, "each key has its own bucket")
        #expect(limits.admit("other", at: start + .seconds(1)) == .seconds(59))
        #expect(limits.admit("slow", at: start + .milliseconds(500)) == nil)
    }

    @Test func aKeyWithoutARateIsNeverLimited() {
        let start = ContinuousClock.now
        var limits = RateLimits(["slow": RequestRate(count: 1, per: .minute)])
        #expect((0..<1000).allSatisfy { _ in limits.admit("free", at: start) == nil })
    }
}

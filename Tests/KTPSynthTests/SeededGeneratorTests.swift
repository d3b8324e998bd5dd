import Testing
import KTPSynth

@Suite struct SeededGeneratorTests {
    @Test func sameSeedGivesTheSameSequence() {
        var a = SeededGenerator(seed: 42), b = SeededGenerator(seed: 42)
        #expect((0..<100).map { _ in a.next() } == (0..<100).map { _ in b.next() })
    }

    @Test func differentSeedsAndStreamsDiverge() {
        var a = SeededGenerator(seed: 42), b = SeededGenerator(seed: 43), c = SeededGenerator(seed: 42, stream: 1)
        let first = (0..<8).map { _ in a.next() }
        #expect(first != (0..<8).map { _ in b.next() })
        #expect(first != (0..<8).map { _ in c.next() })
    }

    @Test func knownFirstOutputPinsTheAlgorithm() {
        // xoshiro256** over SplitMix64(0): a change of algorithm would silently change every data set.
        var rng = SeededGenerator(seed: 0)
        #expect(rng.next() == 0x99EC_5F36_CB75_F2B4)
    }

    @Test func integersStayInRangeAndCoverIt() {
        var rng = SeededGenerator(seed: 9)
        var seen = Set<Int>()
        for _ in 0..<2000 {
            let value = rng.int(-3...4)
            #expect((-3...4).contains(value))
            seen.insert(value)
        }
        #expect(seen.count == 8)
    }

    @Test func unitIsInHalfOpenRange() {
        var rng = SeededGenerator(seed: 5)
        for _ in 0..<1000 {
            let value = rng.unit()
            #expect(value >= 0 && value < 1)
        }
    }
}

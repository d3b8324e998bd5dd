import Testing
@testable import KTPVision

struct FuzzyMatcherTests {
    @Test func levenshteinCountsInsertionsDeletionsAndSubstitutions() {
        #expect(FuzzyMatcher.distance("KITTEN", "SITTING") == 3)
        #expect(FuzzyMatcher.distance("", "ABC") == 3)
        #expect(FuzzyMatcher.distance("ISLAM", "ISLAM") == 0)
    }

    @Test func similarityIgnoresCaseSpacingAndPunctuation() {
        #expect(FuzzyMatcher.similarity("laki laki", "LAKI-LAKI") == 1)
        #expect(FuzzyMatcher.similarity("SEUMURHIDUP", "SEUMUR HIDUP") == 1)
        #expect(FuzzyMatcher.similarity("", "") == 0)
    }

    @Test func similarityIsScaledByTheLongerKey() {
        #expect(abs(FuzzyMatcher.similarity("KATOLIK", "KATHOLIK") - 7.0 / 8.0) < 1e-9)
    }

    @Test func matchReturnsTheClosestCandidateAboveTheMinimum() throws {
        let matcher = FuzzyMatcher(minimumSimilarity: 0.75)
        let match = try #require(matcher.match("KRISTEM", in: Vocabulary.religions))
        #expect(match.value == "KRISTEN")
        #expect(matcher.match("XYZ", in: Vocabulary.religions) == nil)
    }

    @Test func bestReturnsSomethingEvenWhenFar() {
        #expect(FuzzyMatcher.best("XYZ", in: ["ISLAM"])?.value == "ISLAM")
        #expect(FuzzyMatcher.best("XYZ", in: []) == nil)
    }

    @Test func theFirstCandidateWinsATie() {
        #expect(FuzzyMatcher.best("WN", in: ["WNI", "WNA"])?.value == "WNI")
    }

    @Test func aFragmentIsExplainedWhollyByTheNameItCameFrom() {
        let end = FuzzyMatcher.fragment("KMUR", in: "SUKAMAKMUR")
        #expect(end.explained == 1)
        #expect(end.coverage == 0.4)
        let gapped = FuzzyMatcher.fragment("KARYA STA", in: "KARYAWAN SWASTA")
        #expect(gapped.explained > 0.9)
        #expect(FuzzyMatcher.fragment("XYZ", in: "ISLAM").explained == 0)
    }

    @Test func oneContiguousLossExplainsBetterThanLettersPickedFromAllOver() {
        let contiguous = FuzzyMatcher.fragment("SUKA", in: "SUKAMAKMUR")
        let scattered = FuzzyMatcher.fragment("SUKA", in: "SXUXKXAX")
        #expect(contiguous.explained > scattered.explained)
    }
}

import Testing
@testable import KTPVision

@Suite struct CTCDecoderTests {
    /// Classes: 0 blank, 1 "A", 2 "B", 3 " " (the space PP-OCR appends).
    let decoder = CTCDecoder(characters: ["A", "B"])

    /// One step whose likeliest class is `best`, with probability `p`; the rest share what is left.
    func step(_ best: Int, _ p: Float) -> [Float] {
        (0..<4).map { $0 == best ? p : (1 - p) / 3 }
    }

    @Test func theBlankIsFirstAndTheSpaceLast() {
        #expect(decoder.labels == ["", "A", "B", " "])
        #expect(decoder.classCount == 4)
    }

    @Test func repeatsCollapseAndBlanksDrop() {
        let decoding = decoder.decode([step(1, 0.9), step(1, 0.8), step(0, 0.9), step(2, 0.6), step(2, 0.7)])
        #expect(decoding.text == "AB")
        #expect(decoding.symbols.map(\.step) == [0, 3])
    }

    @Test func aBlankBetweenTwoRunsOfOneLetterKeepsBoth() {
        let decoding = decoder.decode([step(1, 0.9), step(0, 0.9), step(1, 0.9)])
        #expect(decoding.text == "AA")
    }

    @Test func confidenceIsTheMeanProbabilityOfTheCharactersChosen() {
        // Blanks (0.99) and the repeated step (0.5) do not count: only each run's first step.
        let decoding = decoder.decode([step(0, 0.99), step(1, 0.9), step(1, 0.5), step(2, 0.6), step(0, 0.99)])
        #expect(abs(decoding.confidence - 0.75) < 1e-6)
    }

    @Test func nothingButBlanksIsEmptyWithNoConfidence() {
        let decoding = decoder.decode([step(0, 0.9), step(0, 0.9)])
        #expect(decoding.text.isEmpty)
        #expect(decoding.confidence == 0)
    }

    @Test func wordsSplitAtSpacesAndTakeTheirStepsColumns() {
        // "AB A" at steps 1, 2, 4 (space), 6 of 8; 10 pixels a step, line at x 100.
        var rows = (0..<8).map { _ in step(0, 0.9) }
        rows[1] = step(1, 0.8)
        rows[2] = step(2, 0.6)
        rows[4] = step(3, 0.9)
        rows[6] = step(1, 0.5)
        let decoding = decoder.decode(rows)
        #expect(decoding.text == "AB A")
        let words = decoding.words(in: PixelRect(x: 100, y: 20, width: 80, height: 30), pixelsPerStep: 10)
        #expect(words.map(\.text) == ["AB", "A"])
        #expect(words[0].box == PixelRect(x: 110, y: 20, width: 20, height: 30))
        #expect(words[1].box == PixelRect(x: 160, y: 20, width: 10, height: 30))
        #expect(abs(words[0].confidence - 0.7) < 1e-6)
    }

    @Test func aSpaceWithAClearButLosingShareBetweenTwoLettersIsRead() {
        // "A", then blanks where the space class reaches 0.3 against the blank's 0.6, then "B".
        let gap: [Float] = [0.6, 0.05, 0.05, 0.3]
        let decoding = decoder.decode([step(1, 0.9), step(0, 0.9), gap, step(0, 0.9), step(2, 0.9)])
        #expect(decoding.text == "A B")
        #expect(decoding.symbols[1].step == 2)
        #expect(abs(decoding.confidence - 0.9) < 1e-6, "the space read from a losing share does not count")
    }

    @Test func aFaintSpaceShareInsideAWordAddsNoSpace() {
        let faint: [Float] = [0.85, 0.05, 0.05, 0.05]
        #expect(decoder.decode([step(1, 0.9), faint, step(2, 0.9)]).text == "AB")
    }

    @Test func aSpaceShareBeforeTheFirstLetterOrBesideAReadSpaceAddsNoSecondSpace() {
        let gap: [Float] = [0.6, 0.05, 0.05, 0.3]
        #expect(decoder.decode([gap, step(1, 0.9)]).text == "A")
        #expect(decoder.decode([step(1, 0.9), step(3, 0.9), gap, step(2, 0.9)]).text == "A B")
    }
}

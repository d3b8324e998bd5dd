/// What greedy CTC decoding read from one line: each character with the output step it was read at.
public struct CTCDecoding: Sendable, Hashable {
    public struct Symbol: Sendable, Hashable {
        public var text: String
        /// The output step (a column band of the recogniser's input) where the character peaked.
        public var step: Int
        public var probability: Double
    }

    public var symbols: [Symbol]
    /// Output steps across the whole (padded) input.
    public var steps: Int

    public var text: String { symbols.map(\.text).joined() }

    /// The mean probability of the characters read, 0 when none were. Spaces do not count: one read from a losing
    /// share (``CTCDecoder/spaceThreshold``) says nothing about how well the letters were read.
    public var confidence: Double {
        let characters = symbols.filter { !$0.text.allSatisfy(\.isWhitespace) }
        return characters.isEmpty ? 0 : characters.map(\.probability).reduce(0, +) / Double(characters.count)
    }

    /// The words between spaces, each boxed by its characters' steps: `pixelsPerStep` of the crop per step, inside
    /// `line` (the crop's place in the image). Approximate in x: a character's step is where it peaked, not its
    /// edges, so a word box reaches one step past its last character.
    public func words(in line: PixelRect, pixelsPerStep: Double) -> [OCRWord] {
        var words: [OCRWord] = []
        var current: [Symbol] = []
        func close() {
            guard let first = current.first, let last = current.last else { return }
            let left = line.x + Int((Double(first.step) * pixelsPerStep).rounded(.down))
            let right = line.x + Int((Double(last.step + 1) * pixelsPerStep).rounded(.up))
            let minX = min(max(left, line.x), line.maxX - 1)
            let maxX = min(max(right, minX + 1), line.maxX)
            let confidence = current.map(\.probability).reduce(0, +) / Double(current.count)
            words.append(
                OCRWord(
                    text: current.map(\.text).joined(),
                    box: PixelRect(x: minX, y: line.y, width: maxX - minX, height: line.height),
                    confidence: min(max(confidence, 0), 1)))
            current = []
        }
        for symbol in symbols {
            if symbol.text.allSatisfy(\.isWhitespace) { close() } else { current.append(symbol) }
        }
        close()
        return words
    }
}

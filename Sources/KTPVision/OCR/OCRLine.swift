/// One text line: its words left to right.
public struct OCRLine: Sendable, Hashable {
    public var words: [OCRWord]

    public init(words: [OCRWord]) {
        self.words = words
    }

    public var text: String { words.map(\.text).joined(separator: " ") }

    public var box: PixelRect {
        words.dropFirst().reduce(words.first?.box ?? PixelRect(x: 0, y: 0, width: 0, height: 0)) { $0.union($1.box) }
    }

    /// The mean word confidence, 0 for an empty line.
    public var confidence: Double {
        words.isEmpty ? 0 : words.map(\.confidence).reduce(0, +) / Double(words.count)
    }
}

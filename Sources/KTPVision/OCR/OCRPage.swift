/// What one pass of a recogniser read from an image: its lines, and how far its text leans.
public struct OCRPage: Sendable, Hashable {
    public var lines: [OCRLine]
    /// Radians, positive when the text runs down to the right; nil when too little text was found to tell.
    public var skew: Double?

    public init(lines: [OCRLine], skew: Double?) {
        self.lines = lines
        self.skew = skew
    }

    public var words: [OCRWord] { lines.flatMap(\.words) }
}

/// A run of text in one colour pair and attribute set: what ncurses draws in one call.
public struct Span: Sendable, Equatable {
    public var text: String
    /// An ncurses colour pair; 0 is the terminal's default colours.
    public var pair: Int16
    public var attributes: TextAttributes

    public init(text: String, pair: Int16, attributes: TextAttributes = []) {
        self.text = text
        self.pair = pair
        self.attributes = attributes
    }
}

/// Bold, underline, reverse and dim, independent of ncurses' bit layout.
public struct TextAttributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TextAttributes(rawValue: 1)
    public static let underline = TextAttributes(rawValue: 2)
    public static let reverse = TextAttributes(rawValue: 4)
    public static let dim = TextAttributes(rawValue: 8)
}

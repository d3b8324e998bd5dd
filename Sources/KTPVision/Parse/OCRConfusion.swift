/// The glyphs Tesseract confuses on KTP fonts, so that a field known to be numeric (or alphabetic)
/// can be read back into its own alphabet.
enum OCRConfusion {
    /// Letters read where a digit was printed. Case matters: `b` is a 6 but `B` is an 8.
    static let letterToDigit: [Character: Character] = [
        "O": "0", "o": "0", "D": "0", "Q": "0",
        "I": "1", "i": "1", "l": "1", "|": "1", "L": "1", "!": "1",
        "Z": "2", "z": "2",
        "S": "5", "s": "5",
        "G": "6", "b": "6",
        "T": "7",
        "B": "8",
        "A": "4",
        "g": "9", "q": "9",
    ]

    /// Digits read where a letter was printed, inside an alphabetic word.
    static let digitToLetter: [Character: Character] = ["0": "O", "1": "I", "5": "S", "8": "B"]

    /// The digit a character stands for in a numeric field, or nil when it cannot be one.
    static func digit(for character: Character) -> Character? {
        character.isASCIIDigit ? character : letterToDigit[character]
    }

    /// Replaces the confusable digits of every word that also holds letters: `8UD1` → `BUDI`.
    ///
    /// Words made only of digits are left alone, since they may be numbers.
    static func lettersInWords(_ text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: false).map { word in
            guard word.contains(where: \.isLetter) else { return String(word) }
            return String(word.map { digitToLetter[$0] ?? $0 })
        }.joined(separator: " ")
    }
}

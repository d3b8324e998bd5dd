/// A closed list printed on the card, with the common variant spellings that mean one of its
/// values, snapped with a ``FuzzyMatcher``.
struct ClosedVocabulary: Sendable {
    let values: [String]
    /// Variant spelling → the list's value: `KATHOLIK` → `KATOLIK`.
    let aliases: [String: String]
    let labels: [String]
    let matcher: FuzzyMatcher

    init(_ values: [String], aliases: [String: String] = [:], labels: [String], minimumSimilarity: Double = 0.75) {
        self.values = values
        self.aliases = aliases
        self.labels = labels
        self.matcher = FuzzyMatcher(minimumSimilarity: minimumSimilarity)
    }

    /// The list's value closest to the reading; below the threshold the cleaned reading with a
    /// low confidence, so that a card printing something unlisted is not silently rewritten.
    func read(_ raw: RawValue?) -> FieldReading {
        guard let raw else { return .unread }
        let text = OCRConfusion.lettersInWords(TextCleaner.removeLabel(raw.text, labels: labels))
        guard !FuzzyMatcher.key(text).isEmpty else { return .unread }
        let spellings = values + aliases.keys.sorted()
        if let hit = matcher.match(text, in: spellings) {
            let value = aliases[hit.value] ?? hit.value
            let confidence = Confidence.snapped(ocr: raw.confidence, similarity: hit.similarity)
            return FieldReading(value: value, confidence: confidence)
        }
        if let (hit, _) = Self.wordWindows(of: text).compactMap({ window in
            matcher.match(window, in: spellings).map { ($0, window) }
        }).max(by: { $0.0.similarity < $1.0.similarity }) {
            let value = aliases[hit.value] ?? hit.value
            let confidence = Confidence.snapped(ocr: raw.confidence, similarity: hit.similarity)
            return FieldReading(value: value, confidence: confidence * Confidence.repairFactor)
        }
        return FieldReading(value: text, confidence: Confidence.unmatched(ocr: raw.confidence))
    }

    /// Every run of consecutive words shorter than the whole, longest first: the value inside a
    /// reading that also caught a label's tail or a neighbouring print (`ERA KARYAWAN SWASTA`,
    /// `PELAJAR 17-05-2022`).
    static func wordWindows(of text: String) -> [String] {
        let words = text.split(separator: " ")
        guard words.count > 1 else { return [] }
        return stride(from: words.count - 1, through: 1, by: -1).flatMap { length in
            (0...(words.count - length)).map { words[$0..<($0 + length)].joined(separator: " ") }
        }
    }
}

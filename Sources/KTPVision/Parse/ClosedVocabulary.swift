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
        // The first of equally close runs, the longest, wins.
        let runs = TextCleaner.wordRuns(of: text).compactMap { matcher.match($0, in: spellings) }
        if let hit = runs.max(by: { $0.similarity < $1.similarity }) {
            let value = aliases[hit.value] ?? hit.value
            let confidence = Confidence.snapped(ocr: raw.confidence, similarity: hit.similarity)
            return FieldReading(value: value, confidence: confidence * Confidence.repairFactor)
        }
        return FieldReading(value: text, confidence: Confidence.unmatched(ocr: raw.confidence))
    }
}

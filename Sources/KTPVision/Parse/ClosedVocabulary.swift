/// A closed list printed on the card, with the common variant spellings that mean one of its
/// values, snapped with a ``FuzzyMatcher``.
struct ClosedVocabulary: Sendable {
    let values: [String]
    /// Variant spelling → the list's value: `KATHOLIK` → `KATOLIK`.
    let aliases: [String: String]
    let labels: [String]
    let matcher: FuzzyMatcher
    /// Values so rare on real cards (`WNA`) that only a confident, exact reading is taken as one.
    let rare: Set<String>
    /// The value an unsure or garbled reading most likely is, when one value dominates (`WNI`).
    let usual: String?

    init(
        _ values: [String], aliases: [String: String] = [:], labels: [String], minimumSimilarity: Double = 0.75,
        rare: Set<String> = [], usual: String? = nil
    ) {
        self.values = values
        self.aliases = aliases
        self.labels = labels
        self.matcher = FuzzyMatcher(minimumSimilarity: minimumSimilarity)
        self.rare = rare
        self.usual = usual
    }

    /// Below this OCR confidence a rare value is not believed.
    static let rareConfidence = 0.6

    /// The list's value closest to the reading; below the threshold the cleaned reading with a
    /// low confidence, so that a card printing something unlisted is not silently rewritten.
    func read(_ raw: RawValue?) -> FieldReading {
        guard let raw else { return .unread }
        let text = OCRConfusion.lettersInWords(TextCleaner.removeLabel(raw.text, labels: labels))
        guard !FuzzyMatcher.key(text).isEmpty else { return .unread }
        let spellings = values + aliases.keys.sorted()
        if let hit = matcher.match(text, in: spellings) {
            return reading(hit, ocr: raw.confidence, factor: 1)
        }
        // The first of equally close runs, the longest, wins.
        let runs = TextCleaner.wordRuns(of: text).compactMap { matcher.match($0, in: spellings) }
        if let hit = runs.max(by: { $0.similarity < $1.similarity }) {
            return reading(hit, ocr: raw.confidence, factor: Confidence.repairFactor)
        }
        // What glare left of the print: the value it is a part of.
        if let hit = FuzzyMatcher.bestFragment(text, in: spellings) {
            return reading(hit, ocr: raw.confidence, factor: Confidence.repairFactor)
        }
        if let usual {
            return FieldReading(value: usual, confidence: Confidence.unmatched(ocr: raw.confidence))
        }
        return FieldReading(value: text, confidence: Confidence.unmatched(ocr: raw.confidence))
    }

    private func reading(_ hit: FuzzyMatch, ocr: Double, factor: Double) -> FieldReading {
        let value = aliases[hit.value] ?? hit.value
        if rare.contains(value), let usual, hit.similarity < 1 || ocr < Self.rareConfidence {
            return FieldReading(value: usual, confidence: Confidence.unmatched(ocr: ocr))
        }
        return FieldReading(value: value, confidence: Confidence.snapped(ocr: ocr, similarity: hit.similarity) * factor)
    }
}

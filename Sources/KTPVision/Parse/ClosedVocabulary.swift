/// A closed list printed on the card, with the common variant spellings that mean one of its
/// values, snapped with a ``FuzzyMatcher``.
struct ClosedVocabulary: Sendable {
    let values: [String]
    /// Variant spellings some cards print → the list's value they mean: `KATHOLIK` → `KATOLIK`. A reading is
    /// returned in the spelling it matched, as printed; ``canonical(_:)`` gives the value it means.
    let aliases: [String: String]
    let labels: [String]
    let matcher: FuzzyMatcher
    /// Whether the law allows no value outside the list, so a garbled reading is still one of them.
    let exhaustive: Bool

    init(
        _ values: [String], aliases: [String: String] = [:], labels: [String], minimumSimilarity: Double = 0.75,
        exhaustive: Bool = false
    ) {
        self.values = values
        self.aliases = aliases
        self.labels = labels
        self.matcher = FuzzyMatcher(minimumSimilarity: minimumSimilarity)
        self.exhaustive = exhaustive
    }

    /// An exhaustive list's nearest value is taken for a garbled reading when it is at least this similar…
    static let nearestSimilarity = 0.4
    /// …and at least this much more similar than any other value.
    static let nearestMargin = 0.15

    /// The list's value closest to the reading; below the threshold the cleaned reading with a
    /// low confidence, so that a card printing something unlisted is not silently rewritten.
    func read(_ raw: RawValue?) -> FieldReading {
        guard let raw else { return .unread }
        let text = OCRConfusion.lettersInWords(TextCleaner.removeLabel(raw.text, labels: labels))
        guard !FuzzyMatcher.key(text).isEmpty else { return .unread }
        let spellings = values + aliases.keys.sorted()
        // Spellings that differ only in spacing (`KHONGHUCU`, `KHONG HU CU`) match alike: the one printed wins.
        if case let printed = text.uppercased(), spellings.contains(printed) {
            return reading(FuzzyMatch(value: printed, similarity: 1), ocr: raw.confidence, factor: 1)
        }
        if let hit = matcher.match(text, in: spellings) {
            return reading(hit, ocr: raw.confidence, factor: 1)
        }
        // The first of equally close runs, the longest, wins.
        let runs = TextCleaner.wordRuns(of: text).compactMap { matcher.match($0, in: spellings) }
        if let hit = runs.max(by: { $0.similarity < $1.similarity }) {
            return reading(hit, ocr: raw.confidence, factor: Confidence.repairFactor)
        }
        // What glare left of the print: the value it is a part of, where no value outside the list can be printed.
        // An open list's card may print the short form itself (`TANI`), which completing would rewrite.
        if exhaustive, let hit = FuzzyMatcher.bestFragment(text, in: spellings) {
            return reading(hit, ocr: raw.confidence, factor: Confidence.repairFactor)
        }
        if exhaustive, let value = nearest(text, in: spellings) {
            return FieldReading(value: value, confidence: Confidence.unmatched(ocr: raw.confidence))
        }
        return FieldReading(value: text, confidence: Confidence.unmatched(ocr: raw.confidence))
    }

    /// The value the reading is clearly nearest to, comparing each value by its closest spelling.
    private func nearest(_ text: String, in spellings: [String]) -> String? {
        // Two letters say too little to choose by.
        guard FuzzyMatcher.key(text).count >= 3 else { return nil }
        var similarities: [String: Double] = [:]
        for spelling in spellings {
            let value = canonical(spelling)
            similarities[value] = max(similarities[value] ?? 0, FuzzyMatcher.similarity(text, spelling))
        }
        let ranked = similarities.sorted { $0.value > $1.value }
        guard let first = ranked.first, first.value >= Self.nearestSimilarity,
            first.value - (ranked.dropFirst().first?.value ?? 0) >= Self.nearestMargin
        else { return nil }
        return first.key
    }

    /// The list's value a printed spelling means.
    func canonical(_ spelling: String) -> String { aliases[spelling] ?? spelling }

    private func reading(_ hit: FuzzyMatch, ocr: Double, factor: Double) -> FieldReading {
        let confidence = Confidence.snapped(ocr: ocr, similarity: hit.similarity) * factor
        return FieldReading(value: hit.value, confidence: confidence)
    }
}

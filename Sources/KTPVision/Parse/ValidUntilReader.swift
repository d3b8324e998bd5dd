/// Reads `Berlaku Hingga`: `SEUMUR HIDUP` on cards since 2016, a date on older ones.
enum ValidUntilReader {
    static let lifetimeMatcher = FuzzyMatcher(minimumSimilarity: 0.7)
    /// A single surviving word of `SEUMUR HIDUP` must be read nearly whole to count.
    static let lifetimeWords = FuzzyMatcher(minimumSimilarity: 0.8)
    static let lifetimeWordList = Vocabulary.lifetime.split(separator: " ").map(String.init)

    static func read(_ raw: RawValue?) -> FieldReading {
        guard let raw else { return .unread }
        let text = TextCleaner.removeLabel(raw.text, labels: ["BERLAKU HINGGA", "HINGGA"])
        guard !text.isEmpty else { return .unread }
        if let (date, substitutions) = CardDate.parse(text) {
            let factor = substitutions == 0 ? 1 : 0.9
            return FieldReading(value: date.formatted, confidence: Confidence.clamp(raw.confidence) * factor)
        }
        if let hit = lifetimeMatcher.match(text, in: [Vocabulary.lifetime]) {
            let confidence = Confidence.snapped(ocr: raw.confidence, similarity: hit.similarity)
            return FieldReading(value: hit.value, confidence: confidence)
        }
        if !text.contains(where: \.isNumber), FuzzyMatcher.key(text).count >= 4 {
            // Without a digit it cannot be a date, so it is the only other thing printed here.
            return FieldReading(value: Vocabulary.lifetime, confidence: Confidence.unmatched(ocr: raw.confidence))
        }
        if text.split(separator: " ").contains(where: {
            lifetimeWords.match(String($0), in: lifetimeWordList) != nil
        }) {
            // One of its two words survived the blur that garbled the other into specks and digits.
            return FieldReading(value: Vocabulary.lifetime, confidence: Confidence.unmatched(ocr: raw.confidence))
        }
        // Neither a date nor the lifetime words: the contract has no other shape for this field.
        return .unread
    }
}

/// Reads `RT/RW` into `NNN/NNN`, zero-padded, including the misreading of the slash as a
/// digit or letter (`0051012`, `0027002`).
enum RTRWReader {
    static func read(_ raw: RawValue?) -> FieldReading {
        guard let raw else { return .unread }
        let text = TextCleaner.removeLabel(raw.text, labels: ["RT/RW", "RTRW", "RT RW"])
        guard let (parts, inferred) = split(text) else {
            return FieldReading(value: TextCleaner.clean(text), confidence: Confidence.unmatched(ocr: raw.confidence))
        }
        let value = parts.map { CardDate.pad($0, 3) }.joined(separator: "/")
        let factor = inferred ? 0.85 : 1
        return FieldReading(value: value, confidence: Confidence.clamp(raw.confidence) * factor)
    }

    /// The two numbers, and whether the slash had to be inferred.
    static func split(_ text: String) -> ([Int], Bool)? {
        let marked = String(text.map { $0 == "\\" ? "/" : $0 })
        let halves = marked.split(separator: "/", omittingEmptySubsequences: true)
        if halves.count == 2, let rt = number(halves[0]), let rw = number(halves[1]) { return ([rt, rw], false) }
        let groups = marked.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "|" && $0 != "!" })
        if groups.count == 2, let rt = number(groups[0]), let rw = number(groups[1]) { return ([rt, rw], true) }
        let joined = Array(groups.joined())
        // Seven characters are two three-digit numbers and whatever the slash was read as.
        if joined.count == 7, let rt = number(joined[0..<3]), let rw = number(joined[4..<7]) {
            return ([rt, rw], true)
        }
        if joined.count == 6, let rt = number(joined[0..<3]), let rw = number(joined[3..<6]) {
            return ([rt, rw], true)
        }
        return nil
    }

    /// Up to three digits, OCR confusions mapped.
    static func number(_ text: some Collection<Character>) -> Int? {
        let digits = text.compactMap(OCRConfusion.digit(for:))
        guard !digits.isEmpty, digits.count <= 3, digits.count == text.count else { return nil }
        return Int(String(digits))
    }
}

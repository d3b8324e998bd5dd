/// Reads `RT/RW` into `NNN/NNN`, zero-padded, including the misreading of the slash as a
/// digit or letter (`0051012`, `0027002`).
enum RTRWReader {
    /// The general reading, unless only the digits-only pass gives two numbers, or it gives them
    /// with the slash in place where the general reading had to infer it. Neither giving two numbers,
    /// the field is unread: the contract's `rt_rw` is `NNN/NNN` or `""`.
    static func read(general: RawValue?, digitsOnly: RawValue? = nil) -> FieldReading {
        let parsed = [general, digitsOnly].compactMap { raw in raw.flatMap { parse($0) } }
        guard let best = parsed.first(where: { !$0.inferred }) ?? parsed.first else { return .unread }
        let factor = best.inferred ? 0.85 : 1
        return FieldReading(value: best.value, confidence: Confidence.clamp(best.confidence) * factor)
    }

    /// Whether `raw` gives both numbers with the slash read, so that no other reading can replace it.
    static func readsSlash(_ raw: RawValue?) -> Bool {
        raw.flatMap(parse).map { !$0.inferred } ?? false
    }

    /// How the label reads when the value's box caught it.
    static let labels = ["RT/RW", "RTRW", "RT RW"]

    /// `NNN/NNN` from one reading, whether its slash had to be inferred, and its OCR confidence.
    private static func parse(_ raw: RawValue) -> (value: String, inferred: Bool, confidence: Double)? {
        let text = TextCleaner.removeLabel(raw.text, labels: labels)
        guard let (parts, inferred) = split(text) else { return nil }
        return (parts.map { CardDate.pad($0, 3) }.joined(separator: "/"), inferred, raw.confidence)
    }

    /// The two numbers, and whether the slash had to be inferred. A word of its own that holds
    /// both (`020/002 CA`) wins over what surrounds it: specks right of the value.
    static func split(_ text: String) -> ([Int], Bool)? {
        let marked = String(text.map { $0 == "\\" ? "/" : $0 })
        for candidate in [marked] + marked.split(separator: " ").map(String.init) {
            let halves = candidate.split(separator: "/", omittingEmptySubsequences: true)
            if halves.count == 2, let rt = number(halves[0]), let rw = number(halves[1]) {
                return ([rt, rw], false)
            }
        }
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

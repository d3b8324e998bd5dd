/// One sixteen-digit reading of the NIK box, from either OCR pass or a mix of both.
struct NIKCandidate: Sendable, Hashable {
    var digits: String
    /// The OCR confidence of the pass (or the weaker pass, for a mix).
    var confidence: Double
    /// Digits changed, dropped or taken from the other pass to get here.
    var edits: Int
    /// Two passes read exactly these digits.
    var corroborated: Bool
    /// Digits glare hid were filled in from the card's printed region and birth date.
    var completed = false

    /// Readings of the two passes: as read, with one extra digit dropped, and mixes of the two
    /// where they disagree in a few places. A third reading, when there is one, corroborates the
    /// candidate it matches.
    static func candidates(general: RawValue?, digitsOnly: RawValue?, tieBreak: RawValue? = nil) -> [NIKCandidate] {
        var found: [NIKCandidate] = []
        var generalDigits = general.flatMap { generalPassDigits($0.text) }
        if generalDigits?.count != 16, let word = general.flatMap({ sixteenDigitWord(in: $0.text) }) {
            generalDigits = word
        }
        let passDigits = digitsOnly.map { String($0.text.filter(\.isASCIIDigit)) }
        for (digits, raw) in [(generalDigits, general), (passDigits, digitsOnly)] {
            guard let digits, let raw else { continue }
            if digits.count == 16 {
                found.append(NIKCandidate(digits: digits, confidence: raw.confidence, edits: 0, corroborated: false))
            } else if digits.count == 17 {
                // The colon before the NIK, read as a `1`, is the commonest extra digit: dropping it
                // is no edit of the NIK itself.
                let colon = digits.first == "1" ? String(digits.dropFirst()) : nil
                found += droppingOneDigit(digits).map {
                    NIKCandidate(
                        digits: $0, confidence: raw.confidence, edits: $0 == colon ? 0 : 1, corroborated: false)
                }
            }
        }
        if let a = generalDigits, let b = passDigits, a.count == 16, b.count == 16, let general, let digitsOnly {
            if a == b {
                found = [
                    NIKCandidate(
                        digits: a, confidence: max(general.confidence, digitsOnly.confidence),
                        edits: 0, corroborated: true)
                ]
            } else {
                found += mixes(a, b, confidence: min(general.confidence, digitsOnly.confidence))
            }
        }
        if let third = tieBreak.flatMap({ generalPassDigits($0.text) }), third.count == 16 {
            for index in found.indices where found[index].digits == third { found[index].corroborated = true }
        }
        return deduplicated(found)
    }

    /// The general pass's digits with letter confusions mapped (case-sensitive: `b` is 6,
    /// `B` is 8), or nil when it holds a character that cannot be a digit.
    static func generalPassDigits(_ text: String) -> String? {
        var value = Substring(text)
        if let colon = value.lastIndex(of: ":") { value = value[value.index(after: colon)...] }
        value = value.drop { $0 == " " || $0 == "|" }
        if value.uppercased().hasPrefix("NIK") { value = value.dropFirst(3) }
        var digits = ""
        for character in value where !character.isWhitespace && !".,-_'\"".contains(character) {
            guard let digit = OCRConfusion.digit(for: character) else { return nil }
            digits.append(digit)
        }
        return digits
    }

    /// A word of exactly sixteen digits among others: specks and the colon beside the NIK are read
    /// as words of their own, and they are no part of it.
    static func sixteenDigitWord(in text: String) -> String? {
        text.split(whereSeparator: \.isWhitespace).lazy.compactMap { generalPassDigits(String($0)) }
            .first { $0.count == 16 }
    }

    static func droppingOneDigit(_ digits: String) -> [String] {
        let characters = Array(digits)
        return Set(
            characters.indices.map { index in
                var copy = characters
                copy.remove(at: index)
                return String(copy)
            }
        ).sorted()
    }

    /// Every way of taking each disagreeing digit from one pass or the other, when they
    /// disagree in at most four places (at most 16 mixes).
    static func mixes(_ a: String, _ b: String, confidence: Double) -> [NIKCandidate] {
        let left = Array(a)
        let right = Array(b)
        let differing = left.indices.filter { left[$0] != right[$0] }
        guard (1...4).contains(differing.count) else { return [] }
        return (0..<(1 << differing.count)).compactMap { mask in
            var mixed = left
            for (bit, index) in differing.enumerated() where mask & (1 << bit) != 0 { mixed[index] = right[index] }
            let digits = String(mixed)
            guard digits != a, digits != b else { return nil }
            return NIKCandidate(digits: digits, confidence: confidence, edits: 1, corroborated: false)
        }
    }

    static func deduplicated(_ candidates: [NIKCandidate]) -> [NIKCandidate] {
        var best: [String: NIKCandidate] = [:]
        var order: [String] = []
        for candidate in candidates {
            guard let existing = best[candidate.digits] else {
                best[candidate.digits] = candidate
                order.append(candidate.digits)
                continue
            }
            best[candidate.digits] = NIKCandidate(
                digits: candidate.digits, confidence: max(existing.confidence, candidate.confidence),
                edits: min(existing.edits, candidate.edits),
                corroborated: existing.corroborated || candidate.corroborated,
                completed: existing.completed && candidate.completed
            )
        }
        return order.compactMap { best[$0] }
    }
}

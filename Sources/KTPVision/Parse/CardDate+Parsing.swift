extension CardDate {
    /// Reads a printed date however OCR split or garbled it: `17-08-1990`, `17 08 1990`,
    /// `17/08/1990`, `17.08.1990`, `17-O8-199O`, `1708-1990` or `17081990`.
    ///
    /// Returns nil unless the text holds exactly one valid date; `substitutions` counts the
    /// letters that had to be read as digits, so callers can lower their confidence.
    public static func parse(_ text: some StringProtocol) -> (date: CardDate, substitutions: Int)? {
        let (groups, substitutions) = digitGroups(text)
        let lengths = groups.map(\.count)
        let parts: (day: Substring, month: Substring, year: Substring)
        if groups.count == 3, (1...2).contains(lengths[0]), (1...2).contains(lengths[1]), lengths[2] == 4 {
            parts = (groups[0][...], groups[1][...], groups[2][...])
        } else {
            let all = groups.joined()
            guard all.count == 8 else { return nil }
            parts = (all.prefix(2), all.dropFirst(2).prefix(2), all.suffix(4))
        }
        guard let day = Int(parts.day), let month = Int(parts.month), let read = Int(parts.year) else { return nil }
        if let date = CardDate(day: day, month: month, year: read) { return (date, substitutions) }
        // A blurred century digit (`1872`, `1082`): the one century a single digit away that makes the date valid.
        let repairs = [1900, 2000].compactMap { century -> CardDate? in
            let year = century + read % 100
            guard FuzzyMatcher.differingCharacters(String(year), parts.year) == 1 else { return nil }
            return CardDate(day: day, month: month, year: year)
        }
        guard repairs.count == 1, let date = repairs.first else { return nil }
        return (date, substitutions + 1)
    }

    /// ``parse(_:)`` of the whole text, else of its last word that holds a date on its own: words of a
    /// neighbouring row that the layout ran into the date's (`NABILA GUNAWAN 14-01-1979`) would otherwise
    /// add their letters, read as digits, to the date's.
    public static func find(in text: some StringProtocol) -> (date: CardDate, substitutions: Int)? {
        if let whole = parse(text) { return whole }
        let words = String(text).split(separator: " ").filter { $0.filter(\.isASCIIDigit).count >= 4 }
        return words.reversed().lazy.compactMap { parse($0) }.first
    }

    /// Runs of digits (OCR confusions mapped), split at anything else.
    static func digitGroups(_ text: some StringProtocol) -> ([String], Int) {
        var groups: [String] = []
        var current = ""
        var substitutions = 0
        for character in text {
            if let digit = OCRConfusion.digit(for: character) {
                current.append(digit)
                if digit != character { substitutions += 1 }
            } else if !current.isEmpty {
                groups.append(current)
                current = ""
            }
        }
        if !current.isEmpty { groups.append(current) }
        return (groups, substitutions)
    }
}

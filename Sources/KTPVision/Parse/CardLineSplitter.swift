/// Splits the printed lines that carry two fields into their parts.
enum CardLineSplitter {
    /// `JAKARTA, 17-08-1990` → (`JAKARTA`, `17-08-1990`). Without a comma the date starts at
    /// the first word holding a digit.
    static func birth(_ text: String) -> (place: String, date: String) {
        let labels = ["TEMPAT/TGL LAHIR", "TEMPAT TGL LAHIR", "TGL LAHIR", "LAHIR"]
        let value = TextCleaner.removeLabel(text, labels: labels)
        // No place name ends in a full stop: before a comma it is a speck, without one the comma misread.
        func place(_ text: some StringProtocol) -> String {
            var place = String(text)
            while place.hasSuffix(".") || place.hasSuffix(" ") { place.removeLast() }
            return place
        }
        if let comma = value.lastIndex(of: ",") {
            return (place(value[..<comma]), String(value[value.index(after: comma)...]))
        }
        let words = value.split(separator: " ")
        guard let first = words.firstIndex(where: { $0.contains(where: \.isASCIIDigit) }) else { return (value, "") }
        return (place(words[..<first].joined(separator: " ")), words[first...].joined(separator: " "))
    }

    /// `LAKI-LAKI Gol. Darah : O` → (`LAKI-LAKI`, `O`). Without the label, a short last word
    /// is taken as the blood type.
    /// `labelled` says whether the `Gol. Darah` label itself was read, so that an empty value
    /// after it is known to be there but unread.
    static func genderAndBlood(_ text: String) -> (gender: String, blood: String, labelled: Bool) {
        let value = TextCleaner.removeLabel(text, labels: ["JENIS KELAMIN", "KELAMIN"], trailing: false)
        let words = value.split(separator: " ").map(String.init)
        let keys = words.map(FuzzyMatcher.key)
        if var label = keys.firstIndex(where: isBloodLabel) {
            // `Gol.` blurred past recognition (`Gal`, `Gast.`) still stands just before a recognised `Darah`.
            if label > 1, isDarah(keys[label]),
                (2...4).contains(keys[label - 1].count)
            {
                label -= 1
            }
            var bloodStart = label + 1
            if !keys[label].contains("DAR"), bloodStart < keys.count,
                isBloodLabel(keys[bloodStart])
            {
                bloodStart += 1
            }
            let blood = words[min(bloodStart, words.count)...].joined(separator: " ")
            return (words[..<label].joined(separator: " "), blood, true)
        }
        if words.count >= 2, let last = words.last, last.count <= 3, !isGenderWord(last) {
            return (words.dropLast().joined(separator: " "), last, false)
        }
        return (value, "", false)
    }

    /// `GOL`, `GOL.`, `DARAH`, `GOLDARAH` and near misses.
    static func isBloodLabel(_ key: String) -> Bool {
        guard key.count >= 3 else { return false }
        return key.hasPrefix("GOL") || key.hasPrefix("G0L") || key.hasPrefix("COL")
            || isDarah(key) || FuzzyMatcher.similarity(key, "GOLDARAH") >= 0.7
    }

    /// `DARAH` and near misses (`DERAH`, `DAAN`).
    static func isDarah(_ key: String) -> Bool { FuzzyMatcher.similarity(key, "DARAH") >= 0.6 }

    static func isGenderWord(_ word: String) -> Bool {
        FuzzyMatcher.best(word, in: ["LAKI", "PEREMPUAN"])!.similarity >= 0.6
    }
}

/// Cleans raw OCR text into the contract's form (upper case, single-spaced) and strips the
/// leftovers of the printed label that the reader could not cut off.
enum TextCleaner {
    /// Characters that never start or end a value: colons, bars and stray punctuation.
    static let edgeJunk: Set<Character> = [":", ";", "|", ".", ",", "-", "_", "'", "\"", "`", "~", "=", "!", "*"]

    /// Upper case, single spaces, no leading junk, and no trailing junk unless `trailing` is
    /// false (a blood type's rhesus `-` is not junk).
    static func clean(_ text: String, trailing: Bool = true) -> String {
        var value = RegionTable.printed(text)
        while let first = value.first, first == " " || edgeJunk.contains(first) { value.removeFirst() }
        while trailing, let last = value.last, last == " " || (edgeJunk.contains(last) && last != ".") {
            value.removeLast()
        }
        return value
    }

    /// Drops a leading label or a fragment of one: `NAMA : X`, `MA: X`, `: X`, `Alamat X`.
    static func removeLabel(_ text: String, labels: [String], trailing: Bool = true) -> String {
        var value = clean(text, trailing: trailing)
        let keys = labels.map(FuzzyMatcher.key)
        if let colon = value.firstIndex(of: ":") {
            let before = FuzzyMatcher.key(String(value[..<colon]))
            let isFragment =
                before.isEmpty
                || keys.contains { key in
                    key.contains(before) || FuzzyMatcher.similarity(before, key) >= 0.6
                }
            if isFragment { value = clean(String(value[value.index(after: colon)...]), trailing: trailing) }
        }
        for label in labels.sorted(by: { $0.count > $1.count }) {
            let upper = label.uppercased()
            if value.hasPrefix(upper + " ") {
                value = clean(String(value.dropFirst(upper.count)), trailing: trailing)
                break
            }
        }
        return value
    }

    /// Keeps only the characters a field may hold, then re-cleans the spacing.
    static func keeping(_ text: String, _ allowed: (Character) -> Bool) -> String {
        clean(String(text.map { allowed($0) ? $0 : " " }))
    }

    /// A person's or place's name: letters, spaces and `.`, `,`, `'`, `-`; digits that were
    /// letters are read back (`8UD1` → `BUDI`).
    static func name(_ text: String, labels: [String]) -> String {
        let unlabelled = removeLabel(text, labels: labels)
        let lettered = OCRConfusion.lettersInWords(unlabelled)
        return keeping(lettered) { $0.isLetter || $0.isNumber || ".,'-".contains($0) }
    }

    /// Spelled-out words an address starts with, which one misread letter should not cost.
    static let addressLeads = ["LORONG", "DUSUN", "PERUM", "PERUMAHAN", "JALAN", "KAMPUNG", "KOMPLEK"]

    /// An address keeps its numbers and `.`, `,`, `'`, `-`, `/`, its abbreviations as printed (`JL.` or `JL`), and a
    /// spelled-out first word read back from one misread letter (`KORONG` → `LORONG`).
    static func address(_ text: String, labels: [String]) -> String {
        let unlabelled = removeLabel(romanNumeralRestored(text), labels: labels)
        let kept = keeping(unlabelled) { $0.isLetter || $0.isNumber || ".,'-/".contains($0) }
        var words = kept.split(separator: " ").map(String.init)
        if words.count > 1, let first = words.first {
            let stops = first.reversed().prefix { $0 == "." || $0 == "," }.count
            words[0] = leadingWord(String(first.dropLast(stops))) + first.suffix(stops)
        }
        return words.joined(separator: " ")
    }

    /// A street's closing Roman numeral (`GG. MERDEKA I`, `LORONG KASUARI III`) from the bars and
    /// exclamation marks OCR reads its strokes as, which cleaning would otherwise strip as junk.
    static func romanNumeralRestored(_ text: String) -> String {
        var words = text.split(separator: " ")
        guard words.count >= 2, let last = words.last, last.count <= 3, last.allSatisfy({ "I|!l".contains($0) }),
            words[words.count - 2].allSatisfy(\.isLetter)
        else { return text }
        words[words.count - 1] = Substring(String(repeating: "I", count: last.count))
        return words.joined(separator: " ")
    }

    /// The first word of an address, when it is one misread letter from a spelled-out lead. A short lead is left as
    /// read: what blur left of `JL` (`IL`, `NX`) cannot be told from what a card prints.
    static func leadingWord(_ word: String) -> String {
        guard word.count >= 5 else { return word }
        return FuzzyMatcher(minimumSimilarity: 0.8).match(word, in: addressLeads)?.value ?? word
    }

    /// Every run of consecutive words shorter than the whole, longest first: the value inside a
    /// reading that also caught a label's tail or a neighbouring print (`ERA KARYAWAN SWASTA`,
    /// `PELAJAR 17-05-2022`).
    static func wordRuns(of text: String) -> [String] {
        let words = text.split(separator: " ")
        guard words.count > 1 else { return [] }
        return stride(from: words.count - 1, through: 1, by: -1).flatMap { length in
            (0...(words.count - length)).map { words[$0..<($0 + length)].joined(separator: " ") }
        }
    }
}

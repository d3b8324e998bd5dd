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

    /// The abbreviations Dukcapil prints with a full stop (`JL. MAWAR NO. 5`), which blur often
    /// drops or turns into a comma.
    static let addressAbbreviations: Set<String> = ["JL", "GG", "KP", "KOMP", "NO", "DSN"]

    /// Short words an address may start with besides the abbreviations: `RT`, `RW`, `DS` (desa).
    static let shortAddressLeads: Set<String> = ["RT", "RW", "DS"]

    /// Spelled-out words an address starts with, which one misread letter should not cost.
    static let addressLeads = ["LORONG", "DUSUN", "PERUM", "PERUMAHAN", "JALAN", "KAMPUNG", "KOMPLEK"]

    /// An address keeps its numbers and `.`, `,`, `'`, `-`, `/`; a known abbreviation followed by
    /// more of the address gets its full stop back, and its first word is read back from what
    /// blur made of it (`IL. MAWAR` → `JL. MAWAR`, `KORONG` → `LORONG`).
    static func address(_ text: String, labels: [String]) -> String {
        let unlabelled = removeLabel(romanNumeralRestored(text), labels: labels)
        let kept = keeping(unlabelled) { $0.isLetter || $0.isNumber || ".,'-/".contains($0) }
        var words = kept.split(separator: " ").map(String.init)
        for index in words.indices.dropLast() {
            let word = words[index]
            let stops = word.reversed().prefix { $0 == "." || $0 == "," }.count
            var bare = String(word.dropLast(stops))
            if index == 0 { bare = leadingWord(bare) }
            words[index] = addressAbbreviations.contains(bare) ? bare + "." : bare + word.suffix(stops)
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

    /// The first word of an address, read back from what blur made of it. `JL` leads most
    /// addresses, and its descending `J` and thin `L` are what blur garbles first (`IL`, `NX`,
    /// `JM`, `X`): a lead of one or two letters that is no abbreviation is what is left of it.
    static func leadingWord(_ word: String) -> String {
        if (1...2).contains(word.count), !word.allSatisfy(\.isNumber),
            !addressAbbreviations.contains(word), !shortAddressLeads.contains(word)
        {
            return "JL"
        }
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

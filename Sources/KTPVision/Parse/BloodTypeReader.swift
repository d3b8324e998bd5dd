/// Reads `Gol. Darah`: a one- or two-letter group, an optional rhesus sign, or `-` when unknown.
/// A reading that is none of these is unread, never passed on as the value, unless a lone `-`
/// was measured after the label.
///
/// Single characters are where OCR errs most (`0` for `O`, `8` for `B`), so a reading that had
/// to be mapped keeps a lowered confidence.
enum BloodTypeReader {
    static let letterForDigit: [Character: Character] = ["0": "O", "8": "B", "4": "A", "6": "B", "Q": "O", "D": "O"]
    /// What a small `+` after the group is read as: a `T`, a `4`, a `#`, a `t`, an `F` or, blurred, an
    /// `E`, an `S` or an `R`.
    static let plusLookalikes: Set<Character> = ["+", "T", "4", "#", "F", "E", "S", "R", "*", "‡", "†"]
    /// What a `-` is read as: a dash of another length, an underscore, a tilde, blurred a guillemet.
    static let minusLookalikes: Set<Character> = ["-", "—", "–", "_", "~", "=", "«", "»"]
    /// Specks around the value that carry nothing: separators and quote marks.
    static let specks: Set<Character> = [" ", ":", ".", "|", "\"", "'", "“", "”", "‘", "’"]

    /// `labelled`: the `Gol. Darah` label was read. Blur takes a lone `-` before any letter, so an
    /// empty value after a read label is taken as one, unsurely.
    /// `sign`: the rhesus sign as measured from the print (``SignGlyph``), which outranks the OCR's.
    static func read(_ text: String, ocr: Double, labelled: Bool = false, sign: Character? = nil) -> FieldReading {
        let compact = RegionTable.printed(text).filter { !specks.contains($0) }
        guard !compact.isEmpty else {
            return labelled ? FieldReading(value: "-", confidence: Confidence.unmatched(ocr: ocr)) : .unread
        }
        if let sign, let group = group(of: compact) {
            let value = group.letters + String(sign)
            let factor = value == compact && !group.mapped ? 1 : Confidence.repairFactor
            return FieldReading(value: value, confidence: Confidence.clamp(ocr) * factor)
        }
        // Specks read as letters (`GC`, `22`) beside a measured lone `-`: the dash is what is printed.
        let fallback = sign == "-" ? FieldReading(value: "-", confidence: Confidence.unmatched(ocr: ocr)) : .unread
        if compact == "-" { return FieldReading(value: "-", confidence: ocr) }
        if compact.count == 1, minusLookalikes.contains(compact.first!) {
            return FieldReading(value: "-", confidence: Confidence.clamp(ocr) * Confidence.repairFactor)
        }
        var substitutions = 0
        var group = ""
        var rhesus = ""
        for (index, character) in compact.enumerated() {
            let isLast = index == compact.count - 1
            if isLast, !group.isEmpty, plusLookalikes.contains(character) {
                rhesus = "+"
                substitutions += character == "+" ? 0 : 1
            } else if isLast, !group.isEmpty, minusLookalikes.contains(character) {
                rhesus = "-"
                substitutions += character == "-" ? 0 : 1
            } else if character == "+" || character == "-" {
                rhesus = String(character)
            } else if let letter = groupLetter(character) {
                group.append(letter)
                substitutions += letter == character ? 0 : 1
            } else {
                return fallback
            }
        }
        let value = group + rhesus
        guard Vocabulary.bloodTypes.contains(value) else { return fallback }
        let factor = substitutions == 0 ? 1 : Confidence.repairFactor
        return FieldReading(value: value, confidence: Confidence.clamp(ocr) * factor)
    }

    /// A group letter as printed, or the one a digit or lookalike stands for (`0` for `O`).
    static func groupLetter(_ character: Character) -> Character? {
        "ABO".contains(character) ? character : letterForDigit[character]
    }

    /// The group a reading starts with when all that follows it could be a sign (`AB4#`, `B-`, `O`),
    /// and whether a digit had to be read as its letter.
    static func group(of compact: String) -> (letters: String, mapped: Bool)? {
        let characters = Array(compact)
        for length in stride(from: min(2, characters.count), through: 1, by: -1) {
            let letters = characters[..<length].compactMap(groupLetter)
            let rest = characters[length...]
            guard letters.count == length, Vocabulary.bloodTypes.contains(String(letters)),
                rest.allSatisfy({ plusLookalikes.contains($0) || minusLookalikes.contains($0) })
            else { continue }
            return (String(letters), letters != Array(characters[..<length]))
        }
        return nil
    }
}

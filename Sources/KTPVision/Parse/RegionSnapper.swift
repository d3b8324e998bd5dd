/// Snaps province, city, district and village readings to the Kemendagri table, guided by the
/// NIK's region but never overruled by it.
///
/// Only the children of one parent are compared at the district and village levels, so a call
/// costs at most a few hundred comparisons even though the table holds 83k villages.
struct RegionSnapper: Sendable {
    let table: RegionTable
    /// How close a reading must be to the NIK's own region to take its printed name.
    var guidedSimilarity = 0.7
    /// How close a reading must be to another entry to be snapped to it.
    var unguidedSimilarity = 0.8

    /// Snaps `text` at `level`. `guided` is the NIK's code at this level, if the table has it;
    /// `parent` is the code one level up (snapped, or the NIK's) that bounds the search.
    ///
    /// A reading that snaps to nothing as a whole is tried word run by word run, longest first,
    /// since blur often adds a label's tail or a stray mark to the name.
    func snap(_ text: String, ocr: Double, level: RegionLevel, guided: String?, parent: String?) -> RegionSnap {
        let reading = cleaned(text, level: level)
        let whole = snap(reading: reading, ocr: ocr, level: level, guided: guided, parent: parent)
        guard whole.code == nil else { return whole }
        let parts = TextCleaner.wordRuns(of: reading).filter { FuzzyMatcher.key($0).count >= 4 }.map {
            snap(reading: $0, ocr: ocr, level: level, guided: guided, parent: parent)
        }
        // Longer runs come first, so they win a tie.
        guard var best = parts.filter({ $0.code != nil }).max(by: { $0.reading.confidence < $1.reading.confidence })
        else { return whole }
        best.reading.confidence *= Confidence.repairFactor
        return best
    }

    /// A birth place is most often a regency or city: a reading one slip from such a name
    /// (`KAMANA`) is taken as it, and anything else is left as read.
    func snapBirthPlace(_ reading: FieldReading) -> FieldReading {
        guard FuzzyMatcher.key(reading.value).count >= 4 else { return reading }
        // An exact hit still replaces the reading: keys ignore spacing, so `TANJU NG` matches exactly.
        guard let hit = FuzzyMatcher(minimumSimilarity: 0.8).match(reading.value, in: table.placeNames) else {
            return reading
        }
        return FieldReading(value: hit.value, confidence: reading.confidence * hit.similarity)
    }

    private func snap(reading: String, ocr: Double, level: RegionLevel, guided: String?, parent: String?) -> RegionSnap
    {
        guard !FuzzyMatcher.key(reading).isEmpty else {
            return RegionSnap(reading: .unread, code: nil, mismatchesNIK: false)
        }
        let readingKey = Array(FuzzyMatcher.key(Self.withoutAdministrativeWord(reading)))
        let hasKindWord = level == .regency && Self.kindWord(of: reading) != nil
        let score = { (code: String) -> Double in
            similarity(readingKey, to: code, level: level, readingHasKindWord: hasKindWord)
        }
        let guidedScore = guided.map(score)
        var best: (code: String, similarity: Double)?
        for code in pool(level: level, parent: parent) where code != guided {
            let similarity = score(code)
            if similarity > best?.similarity ?? -1 { best = (code, similarity) }
        }
        if let guided, let guidedScore, guidedScore >= guidedSimilarity, guidedScore >= best?.similarity ?? 0 {
            return snapped(to: guided, similarity: guidedScore, ocr: ocr, level: level, mismatch: false)
        }
        if let best, best.similarity >= unguidedSimilarity {
            return snapped(to: best.code, similarity: best.similarity, ocr: ocr, level: level, mismatch: guided != nil)
        }
        let unmatched = FieldReading(value: reading, confidence: Confidence.unmatched(ocr: ocr))
        return RegionSnap(reading: unmatched, code: nil, mismatchesNIK: guided != nil)
    }

    /// The entries a reading is compared with: one parent's children, or every province and
    /// regency when the parent is unknown. Districts and villages need a parent.
    func pool(level: RegionLevel, parent: String?) -> [String] {
        if let parent { return table.children(of: parent) }
        switch level {
        case .province: return table.provinceCodes
        case .regency: return table.regencyCodes
        case .district, .village: return []
        }
    }

    private func snapped(
        to code: String, similarity: Double, ocr: Double, level: RegionLevel,
        mismatch: Bool
    ) -> RegionSnap {
        let value = level.printed(code, in: table) ?? ""
        let reading = FieldReading(value: value, confidence: Confidence.snapped(ocr: ocr, similarity: similarity))
        return RegionSnap(reading: reading, code: code, mismatchesNIK: mismatch)
    }

    /// A regency reading without `KABUPATEN`/`KOTA` is compared with the name's core as well,
    /// since OCR often loses the first word of the header; a province also with its full name
    /// (`DAERAH KHUSUS IBUKOTA JAKARTA` for `DKI JAKARTA`).
    private func similarity(
        _ readingKey: [Character], to code: String, level: RegionLevel,
        readingHasKindWord: Bool
    ) -> Double {
        guard let printed = level.printed(code, in: table) else { return 0 }
        var similarity = FuzzyMatcher.similarity(readingKey, Array(FuzzyMatcher.key(printed)))
        if level == .province, let full = table.name(of: code) {
            similarity = max(similarity, FuzzyMatcher.similarity(readingKey, Array(FuzzyMatcher.key(full))))
        }
        if level == .regency, !readingHasKindWord, let kind = Self.kindWord(of: printed) {
            let core = String(printed.dropFirst(kind.count))
            similarity = max(similarity, FuzzyMatcher.similarity(readingKey, Array(FuzzyMatcher.key(core))))
        }
        return similarity
    }

    private func cleaned(_ text: String, level: RegionLevel) -> String {
        TextCleaner.keeping(level.unlabelled(text)) { $0.isLetter || $0.isNumber || ".'-()/".contains($0) }
    }

    /// `KABUPATEN ` or `KOTA ` when the name starts with one (fuzzily, for OCR'd readings).
    static func kindWord(of name: String) -> String? {
        guard let first = name.split(separator: " ").first, name.contains(" "), isKindWord(first) else { return nil }
        return String(first) + " "
    }

    /// Whether an OCR'd word is `KABUPATEN` or `KOTA`.
    static func isKindWord(_ word: some StringProtocol) -> Bool {
        let match = FuzzyMatcher.best(String(word), in: ["KABUPATEN", "KOTA"])!
        return match.similarity >= (match.value == "KOTA" ? 0.75 : 0.7)
    }

    /// Cards of administrative regencies may print `ADMINISTRASI` or `ADM.`; the table's printed
    /// form drops it.
    static func withoutAdministrativeWord(_ reading: String) -> String {
        reading.split(separator: " ").filter { !["ADMINISTRASI", "ADM", "ADM."].contains($0) }.joined(separator: " ")
    }
}

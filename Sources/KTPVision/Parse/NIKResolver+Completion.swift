extension NIKResolver {
    /// Readings that lost a stretch of digits to glare, completed from what the card prints:
    /// the region digits from the header and the district, the date digits from the birth date
    /// and sex. The serial is never made up: the reading must end in it, and at least half of
    /// the NIK must have been read, agreeing with the completion but for one digit.
    func completions(general: RawValue?, digitsOnly: RawValue?, printed: Printed) -> [NIKCandidate] {
        guard let district = printed.districtCode, let date = printed.date, let gender = printed.gender,
            printed.dateReading.confidence >= Self.completionTrust,
            printed.genderReading.confidence >= Self.completionTrust
        else { return [] }
        let regionDigits = district.filter(\.isASCIIDigit)
        guard regionDigits.count == 6 else { return [] }
        let head = Array(regionDigits + NIK.datePart(for: date, gender: gender))
        var found: [NIKCandidate] = []
        for (digits, confidence) in Self.digitReadings(general: general, digitsOnly: digitsOnly)
        where (8..<16).contains(digits.count) {
            let read = Array(digits)
            // A reading that is the head itself lost the serial, not a stretch before it.
            guard Self.mismatches(read, head) > 1 else { continue }
            let full = head + read.suffix(4)
            guard Self.isOneGap(read, of: full, allowedMismatches: 1), let nik = NIK(String(full)),
                regions?.contains(nik.region.district) != false
            else { continue }
            let share = Double(read.count) / 16
            found.append(
                NIKCandidate(
                    digits: nik.digits, confidence: confidence * share, edits: 1, corroborated: false, completed: true))
        }
        return NIKCandidate.deduplicated(found)
    }

    /// Readings that lost their first one or two digits (the left edge of the print, cut off or
    /// merged into the colon) completed from the header's regency code, when what was read
    /// starts with the rest of that code and the whole is a NIK of a known district.
    func headCompletions(general: RawValue?, digitsOnly: RawValue?, printed: Printed) -> [NIKCandidate] {
        guard let regions, let regency = printed.regencyCode?.filter(\.isASCIIDigit), regency.count == 4 else {
            return []
        }
        var found: [NIKCandidate] = []
        for (digits, confidence) in Self.digitReadings(general: general, digitsOnly: digitsOnly)
        where (14...15).contains(digits.count) {
            let lost = 16 - digits.count
            guard digits.hasPrefix(regency.dropFirst(lost)), let nik = NIK(regency.prefix(lost) + digits),
                regions.contains(nik.region.district)
            else { continue }
            found.append(
                NIKCandidate(
                    digits: nik.digits, confidence: confidence, edits: lost, corroborated: false, completed: true))
        }
        return NIKCandidate.deduplicated(found)
    }

    /// The digits of each pass that read something, with its confidence.
    static func digitReadings(general: RawValue?, digitsOnly: RawValue?) -> [(digits: String, confidence: Double)] {
        let general = general.flatMap { raw in NIKCandidate.generalPassDigits(raw.text).map { ($0, raw.confidence) } }
        let digitsOnly = digitsOnly.map { raw in (raw.text.filter(\.isASCIIDigit), raw.confidence) }
        return [general, digitsOnly].compactMap { $0 }
    }

    /// Printed fields this sure may complete a NIK.
    static let completionTrust = 0.5

    /// Whether `read` is `full` with one contiguous stretch of its first twelve digits left out
    /// (the serial must have been read) and at most `allowedMismatches` of the rest different.
    static func isOneGap(_ read: [Character], of full: [Character], allowedMismatches: Int) -> Bool {
        let gap = full.count - read.count
        guard gap > 0, gap <= 12 else { return false }
        return (0...(12 - gap)).contains { start in
            mismatches(Array(full[..<start] + full[(start + gap)...]), read) <= allowedMismatches
        }
    }

    /// Differing digits over the shorter of the two.
    static func mismatches(_ a: [Character], _ b: [Character]) -> Int {
        zip(a, b).filter { $0 != $1 }.count
    }
}

/// Chooses the most plausible NIK among the OCR readings and reconciles it with the printed
/// birth date and sex: a NIK whose region exists and whose date and sex agree with the card
/// wins; one wrong date digit is repaired from a confidently printed date; a garbled printed
/// date is taken from a plausible NIK. It never makes a NIK up from nothing: a reading that
/// lost digits to glare is completed only from the card's own print, and only when the rest of
/// it agrees.
struct NIKResolver: Sendable {
    let regions: RegionTable?
    /// A printed date or sex this sure is trusted over the NIK's digits.
    var trustedPrinted = 0.7

    func resolve(
        general: RawValue?, digitsOnly: RawValue?, tieBreak: RawValue? = nil, printed: Printed
    ) -> NIKResolution {
        var candidates = NIKCandidate.candidates(general: general, digitsOnly: digitsOnly, tieBreak: tieBreak)
        candidates += regionRepairs(of: candidates, printed: printed)
        let anyPlausible = candidates.contains { candidate in
            NIK(candidate.digits).map { regions?.contains($0.region.district) != false } ?? false
        }
        if !anyPlausible {
            candidates += completions(general: general, digitsOnly: digitsOnly, printed: printed)
            candidates += headCompletions(general: general, digitsOnly: digitsOnly, printed: printed)
        }
        let unchanged = NIKResolution(
            nik: .unread, validNIK: nil, dateOfBirth: printed.dateReading,
            gender: printed.genderReading, warnings: [])
        guard var chosen = candidates.max(by: { score($0, printed) < score($1, printed) }) else {
            return unchanged
        }
        var warnings: [ValidationWarning] = []
        if chosen.completed {
            let detail = "NIK digits the photo lost were completed from the printed region and birth date"
            warnings.append(ValidationWarning(.nikCorrected, detail))
        }
        if let repaired = repairedDatePart(of: chosen, printed: printed) {
            chosen = repaired
            let detail = "a NIK birth-date digit was repaired from the printed date"
            warnings.append(ValidationWarning(.nikCorrected, detail))
        }
        var confidence = baseConfidence(chosen)
        guard let nik = NIK(chosen.digits) else {
            let reading = FieldReading(value: chosen.digits, confidence: confidence * 0.3)
            return NIKResolution(
                nik: reading, validNIK: nil, dateOfBirth: printed.dateReading,
                gender: printed.genderReading, warnings: warnings)
        }
        let regionKnown = regions.map { $0.contains(nik.region.district) }
        if regionKnown == false {
            confidence *= 0.6
            warnings.append(ValidationWarning(.nikRegionUnknown, "the NIK's district is not in the region table"))
        }
        let plausible = regionKnown != false
        let date = reconcileDate(
            nik, confidence: confidence, plausible: plausible, corroborated: chosen.corroborated, printed: printed,
            &warnings)
        let gender = reconcileGender(nik, confidence: confidence, plausible: plausible, printed: printed, &warnings)
        if warnings.contains(where: { $0.code == .nikBirthDateMismatch || $0.code == .nikGenderMismatch }) {
            confidence *= Confidence.repairFactor
        }
        return NIKResolution(
            nik: FieldReading(value: nik.digits, confidence: confidence), validNIK: nik,
            dateOfBirth: date, gender: gender, warnings: warnings)
    }

    /// Higher is more plausible: structure, region, agreement with the card, then OCR.
    func score(_ candidate: NIKCandidate, _ printed: Printed) -> Double {
        guard let nik = NIK(candidate.digits) else { return -100 + candidate.confidence - Double(candidate.edits) }
        var score = candidate.confidence - 0.5 * Double(candidate.edits)
        if candidate.corroborated { score += 1 }
        if let regions, regions.contains(nik.region.district) { score += 3 }
        if let date = printed.date {
            if nik.encodes(date) {
                score += 2
            } else if let gender = printed.gender ?? Optional(nik.gender),
                FuzzyMatcher.differingCharacters(nik.datePart, NIK.datePart(for: date, gender: gender)) == 1
            {
                score += 0.5
            }
        }
        if let gender = printed.gender, gender == nik.gender { score += 1 }
        score += Double(headerAgreement(nik, printed))
        return score
    }

    /// How many of the header's province and regency the NIK's region digits agree with.
    func headerAgreement(_ nik: NIK, _ printed: Printed) -> Int {
        let region = nik.region
        return (printed.provinceCode == region.province ? 1 : 0) + (printed.regencyCode == region.regency ? 1 : 0)
    }

    /// Readings whose region digits disagree with a header that snapped to the table, with one of
    /// the four province and regency digits swapped for a glyph OCR confuses it with (`7` read as
    /// `1`) so that both agree. Only the header can confirm these digits, so nothing is offered
    /// without it. A reading of a region that does not exist may take any digit the header gives.
    func regionRepairs(of candidates: [NIKCandidate], printed: Printed) -> [NIKCandidate] {
        guard let regions, let regency = printed.regencyCode else { return [] }
        let anyDigit = Array("0123456789")
        var repairs: [NIKCandidate] = []
        for candidate in candidates {
            guard let nik = NIK(candidate.digits), headerAgreement(nik, printed) < 2 else { continue }
            let digits = Array(candidate.digits)
            let unknown = !regions.contains(nik.region.district)
            for index in 0..<4 {
                let replacements = unknown ? anyDigit : OCRConfusion.confusableDigits[digits[index]] ?? []
                for replacement in replacements where replacement != digits[index] {
                    var changed = digits
                    changed[index] = replacement
                    let text = String(changed)
                    guard let repaired = NIK(text), repaired.region.regency == regency,
                        regions.contains(repaired.region.district)
                    else { continue }
                    var repair = candidate
                    repair.digits = text
                    repair.edits += 1
                    repair.corroborated = false
                    repairs.append(repair)
                }
            }
        }
        return repairs
    }

    /// The candidate with one `DDMMYY` digit (two, when the sex is printed confidently too)
    /// replaced so that it encodes a confidently printed date and sex. Two OCR passes that agree
    /// outweigh the printed fields, so a corroborated reading is never repaired.
    func repairedDatePart(of candidate: NIKCandidate, printed: Printed) -> NIKCandidate? {
        guard !candidate.corroborated, let date = printed.date,
            printed.dateReading.confidence >= trustedPrinted
        else { return nil }
        let current = candidate.digits.dropFirst(6).prefix(6)
        let genders = printed.genderReading.confidence >= trustedPrinted ? printed.gender.map { [$0] } : nil
        if genders == nil, NIK(candidate.digits)?.encodes(date) == true { return nil }
        // With the sex printed too, the six digits are fully known: glare may have taken two.
        let repairable = genders == nil ? 1 : 2
        for gender in genders ?? Gender.allCases {
            let expected = NIK.datePart(for: date, gender: gender)
            guard (1...repairable).contains(FuzzyMatcher.differingCharacters(current, expected)) else { continue }
            let digits = String(candidate.digits.prefix(6)) + expected + String(candidate.digits.suffix(4))
            guard NIK(digits) != nil else { continue }
            var repaired = candidate
            repaired.digits = digits
            repaired.edits += 1
            repaired.corroborated = false
            return repaired
        }
        return nil
    }

    func baseConfidence(_ candidate: NIKCandidate) -> Double {
        var confidence = Confidence.clamp(candidate.confidence)
        if !candidate.corroborated { confidence *= 0.9 }
        for _ in 0..<candidate.edits { confidence *= Confidence.repairFactor }
        return confidence
    }

    private func reconcileDate(
        _ nik: NIK, confidence: Double, plausible: Bool, corroborated: Bool, printed: Printed,
        _ warnings: inout [ValidationWarning]
    ) -> FieldReading {
        let reading = printed.dateReading
        if let date = printed.date {
            if nik.encodes(date) {
                return FieldReading(value: reading.value, confidence: reading.confidence + (1 - reading.confidence) / 2)
            }
            // Two passes agreeing on the NIK's large print outweigh one slip in the small print.
            let oneSlip =
                FuzzyMatcher.differingCharacters(nik.datePart, NIK.datePart(for: date, gender: nik.gender)) == 1
            let unsure = reading.confidence < trustedPrinted && confidence > reading.confidence
            if plausible, unsure || (corroborated && oneSlip), let fromNIK = nik.birthDate(yearHint: date.year) {
                warnings.append(ValidationWarning(.birthDateCorrected, "an unsure printed date was taken from the NIK"))
                return FieldReading(value: fromNIK.formatted, confidence: confidence * Confidence.repairFactor)
            }
            warnings.append(ValidationWarning(.nikBirthDateMismatch, "the printed birth date differs from the NIK's"))
            return FieldReading(value: reading.value, confidence: reading.confidence * Confidence.repairFactor)
        }
        guard plausible, let fromNIK = nik.birthDate(yearHint: printed.yearHint) else { return reading }
        warnings.append(ValidationWarning(.birthDateCorrected, "the unread birth date was taken from the NIK"))
        return FieldReading(value: fromNIK.formatted, confidence: confidence * Confidence.repairFactor)
    }

    private func reconcileGender(
        _ nik: NIK, confidence: Double, plausible: Bool, printed: Printed,
        _ warnings: inout [ValidationWarning]
    ) -> FieldReading {
        let reading = printed.genderReading
        guard let gender = printed.gender else {
            guard plausible else { return reading }
            return FieldReading(value: nik.gender.rawValue, confidence: confidence * Confidence.repairFactor)
        }
        if gender == nik.gender {
            return FieldReading(value: reading.value, confidence: reading.confidence + (1 - reading.confidence) / 2)
        }
        warnings.append(ValidationWarning(.nikGenderMismatch, "the printed sex differs from the NIK's"))
        return FieldReading(value: reading.value, confidence: reading.confidence * Confidence.repairFactor)
    }
}

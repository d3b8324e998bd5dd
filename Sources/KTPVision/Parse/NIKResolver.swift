/// Chooses the NIK among what the OCR passes read, and cross-checks it with the printed birth
/// date, sex and region.
///
/// A KYC reader returns what is printed. The checks decide between readings (the passes as read,
/// a colon read as a digit dropped, the passes' disagreeing digits taken from one or the other);
/// they never write a digit no pass read. A chosen NIK that disagrees with the card keeps its
/// digits, loses confidence and raises a warning, and the printed fields stay as printed.
struct NIKResolver: Sendable {
    let regions: RegionTable?

    func resolve(
        general: RawValue?, digitsOnly: RawValue?, tieBreak: RawValue? = nil, printed: Printed
    ) -> NIKResolution {
        let candidates = NIKCandidate.candidates(general: general, digitsOnly: digitsOnly, tieBreak: tieBreak)
        guard let chosen = candidates.max(by: { score($0, printed) < score($1, printed) }) else {
            return NIKResolution(
                nik: .unread, validNIK: nil, dateOfBirth: printed.dateReading, gender: printed.genderReading,
                warnings: [])
        }
        var confidence = baseConfidence(chosen)
        guard let nik = NIK(chosen.digits) else {
            return NIKResolution(
                nik: FieldReading(value: chosen.digits, confidence: confidence * 0.3), validNIK: nil,
                dateOfBirth: printed.dateReading, gender: printed.genderReading, warnings: [])
        }
        var warnings: [ValidationWarning] = []
        if regions.map({ $0.contains(nik.region.district) }) == false {
            confidence *= 0.6
            warnings.append(ValidationWarning(.nikRegionUnknown, "the NIK's district is not in the region table"))
        }
        let date = crossChecked(
            printed.dateReading, agrees: printed.date.map(nik.encodes), warning: .nikBirthDateMismatch,
            "the printed birth date differs from the NIK's", &warnings)
        let gender = crossChecked(
            printed.genderReading, agrees: printed.gender.map { $0 == nik.gender }, warning: .nikGenderMismatch,
            "the printed sex differs from the NIK's", &warnings)
        if date.agrees == false || gender.agrees == false { confidence *= Confidence.repairFactor }
        return NIKResolution(
            nik: FieldReading(value: nik.digits, confidence: confidence), validNIK: nik,
            dateOfBirth: date.reading, gender: gender.reading, warnings: warnings)
    }

    /// Higher is more plausible: structure, region, agreement with the card, then OCR.
    func score(_ candidate: NIKCandidate, _ printed: Printed) -> Double {
        guard let nik = NIK(candidate.digits) else { return -100 + candidate.confidence - Double(candidate.edits) }
        var score = candidate.confidence - 0.5 * Double(candidate.edits)
        if candidate.corroborated { score += 1 }
        if let regions, regions.contains(nik.region.district) { score += 3 }
        if let date = printed.date, nik.encodes(date) { score += 2 }
        if let gender = printed.gender, gender == nik.gender { score += 1 }
        score += Double(headerAgreement(nik, printed))
        return score
    }

    /// How many of the header's province and regency the NIK's region digits agree with.
    func headerAgreement(_ nik: NIK, _ printed: Printed) -> Int {
        let region = nik.region
        return (printed.provinceCode == region.province ? 1 : 0) + (printed.regencyCode == region.regency ? 1 : 0)
    }

    func baseConfidence(_ candidate: NIKCandidate) -> Double {
        var confidence = Confidence.clamp(candidate.confidence)
        if !candidate.corroborated { confidence *= 0.9 }
        for _ in 0..<candidate.edits { confidence *= Confidence.repairFactor }
        return confidence
    }

    /// A printed field the NIK corroborates gains confidence; one it contradicts keeps its value, loses
    /// confidence and raises `warning`. `agrees` is nil when nothing was printed to compare.
    private func crossChecked(
        _ reading: FieldReading, agrees: Bool?, warning: ValidationWarning.Code, _ detail: String,
        _ warnings: inout [ValidationWarning]
    ) -> (reading: FieldReading, agrees: Bool?) {
        switch agrees {
        case true?:
            let confidence = reading.confidence + (1 - reading.confidence) / 2
            return (FieldReading(value: reading.value, confidence: confidence), true)
        case false?:
            warnings.append(ValidationWarning(warning, detail))
            return (FieldReading(value: reading.value, confidence: reading.confidence * Confidence.repairFactor), false)
        case nil:
            return (reading, nil)
        }
    }
}

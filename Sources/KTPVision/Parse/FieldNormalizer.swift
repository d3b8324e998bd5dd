import KTPContract

/// Turns the reader's raw slots into the contract's fields: cleaned, split, snapped to the
/// card's closed vocabularies and the Kemendagri table, and cross-checked against the NIK.
///
/// Pure and synchronous, so the same slots always give the same card.
public struct FieldNormalizer: Sendable {
    /// The Kemendagri table regions are snapped to and NIK regions checked against.
    public let regions: RegionTable?

    /// Without a table nothing is snapped to regions; everything else still works.
    public init(regions: RegionTable?) {
        self.regions = regions
    }

    /// Every field key gets a value (`""` when unread) and a confidence; disagreements between
    /// the NIK and the printed fields become warnings rather than silent overwrites.
    public func normalize(_ raw: RawCard) -> NormalizedCard {
        var readings: [FieldKey: FieldReading] = [:]
        var warnings: [ValidationWarning] = []

        readings[.fullName] = Self.name(raw[.name], labels: ["NAMA"])
        let birth = raw[.birth].map { CardLineSplitter.birth($0.text) }
        let birthConfidence = raw[.birth]?.confidence ?? 0
        readings[.placeOfBirth] = Self.name(
            birth.map { RawValue(text: $0.place, confidence: birthConfidence) },
            labels: [])
        let printedDate = Self.date(birth?.date ?? "", ocr: birthConfidence)
        if printedDate.date == nil, !TextCleaner.clean(birth?.date ?? "").isEmpty {
            warnings.append(ValidationWarning(.invalidDate, "the printed birth date is not a calendar date"))
        }

        let genderLine = raw[.genderAndBlood].map { CardLineSplitter.genderAndBlood($0.text) }
        let genderConfidence = raw[.genderAndBlood]?.confidence ?? 0
        let genderReading = ClosedVocabulary.gender.read(
            genderLine.map { RawValue(text: $0.gender, confidence: genderConfidence) })
        readings[.bloodType] = BloodTypeReader.read(
            genderLine?.blood ?? "", ocr: genderConfidence, labelled: genderLine?.labelled ?? false,
            sign: raw[.bloodSign]?.text.first)

        var printed = NIKResolver.Printed(
            date: printedDate.date, dateReading: printedDate.reading,
            gender: Gender(rawValue: ClosedVocabulary.gender.canonical(genderReading.value)),
            genderReading: genderReading)
        if let regions {
            let snapper = RegionSnapper(table: regions)
            readings[.placeOfBirth] = readings[.placeOfBirth].map(snapper.snapBirthPlace)
            let province = snapper.snap(
                raw[.provinceHeader]?.text ?? "", ocr: raw[.provinceHeader]?.confidence ?? 0, level: .province,
                guided: nil, parent: nil)
            let regency = snapper.snap(
                raw[.cityHeader]?.text ?? "", ocr: raw[.cityHeader]?.confidence ?? 0, level: .regency,
                guided: nil, parent: province.code)
            printed.provinceCode = province.code
            printed.regencyCode = regency.code
        }
        let resolution = NIKResolver(regions: regions)
            .resolve(general: raw[.nik], digitsOnly: raw[.nikDigits], tieBreak: raw[.nikTieBreak], printed: printed)
        readings[.nik] = resolution.nik
        readings[.dateOfBirth] = resolution.dateOfBirth
        readings[.gender] = resolution.gender
        warnings += resolution.warnings

        readings[.address] = Self.address(raw[.address])
        readings[.rtRw] = RTRWReader.read(general: raw[.rtRw], digitsOnly: raw[.rtRwDigits])
        readings[.religion] = ClosedVocabulary.religion.read(raw[.religion])
        readings[.maritalStatus] = ClosedVocabulary.maritalStatus.read(raw[.maritalStatus])
        readings[.occupation] = ClosedVocabulary.occupation.read(raw[.occupation])
        readings[.nationality] = ClosedVocabulary.nationality.read(raw[.nationality])
        readings[.validUntil] = ValidUntilReader.read(raw[.validUntil])

        let regionSlots: [(RegionLevel, RawSlot)] = [
            (.province, .provinceHeader), (.regency, .cityHeader), (.district, .district), (.village, .village),
        ]
        for (level, reading) in regionReadings(raw, slots: regionSlots, nik: resolution.validNIK, &warnings) {
            readings[level.key] = reading
        }

        var fields = KTPFields()
        var confidence: [FieldKey: Double] = [:]
        for key in FieldKey.allCases {
            let reading = readings[key] ?? .unread
            fields[key] = reading.value
            confidence[key] = reading.confidence
        }
        return NormalizedCard(fields: fields, confidence: confidence, warnings: warnings)
    }

    /// Snaps each level top-down, each bounded by the level above (or the NIK's region there).
    private func regionReadings(
        _ raw: RawCard, slots: [(RegionLevel, RawSlot)], nik: NIK?,
        _ warnings: inout [ValidationWarning]
    ) -> [(RegionLevel, FieldReading)] {
        guard let regions else {
            return slots.map { level, slot in
                (level, Self.unsnappedRegion(raw[slot], level: level))
            }
        }
        let snapper = RegionSnapper(table: regions)
        let nikCodes: [RegionLevel: String] =
            nik.map {
                [.province: $0.region.province, .regency: $0.region.regency, .district: $0.region.district]
            } ?? [:]
        var parent: String?
        var results: [(RegionLevel, FieldReading)] = []
        for (level, slot) in slots {
            let guided = nikCodes[level].flatMap { regions.contains($0) ? $0 : nil }
            let snap = snapper.snap(
                raw[slot]?.text ?? "", ocr: raw[slot]?.confidence ?? 0, level: level,
                guided: guided, parent: parent)
            if snap.mismatchesNIK {
                warnings.append(
                    ValidationWarning(
                        .nikRegionMismatchesAddress,
                        "\(level.key.rawValue) differs from the NIK's region"))
            }
            results.append((level, snap.reading))
            parent = snap.code ?? guided
        }
        return results
    }

    static func unsnappedRegion(_ raw: RawValue?, level: RegionLevel) -> FieldReading {
        guard let raw else { return .unread }
        return FieldReading(value: level.unlabelled(raw.text), confidence: raw.confidence)
    }

    static func name(_ raw: RawValue?, labels: [String]) -> FieldReading {
        guard let raw else { return .unread }
        return FieldReading(value: TextCleaner.name(raw.text, labels: labels), confidence: raw.confidence)
    }

    static func address(_ raw: RawValue?) -> FieldReading {
        guard let raw else { return .unread }
        return FieldReading(value: TextCleaner.address(raw.text, labels: ["ALAMAT"]), confidence: raw.confidence)
    }

    /// The printed date. Text that is no date leaves the field unread: the contract's dates are
    /// `DD-MM-YYYY` or `""`.
    static func date(_ text: String, ocr: Double) -> (date: CardDate?, reading: FieldReading) {
        guard let (date, substitutions) = CardDate.find(in: text) else { return (nil, .unread) }
        let factor = substitutions == 0 ? 1 : 0.9
        return (date, FieldReading(value: date.formatted, confidence: Confidence.clamp(ocr) * factor))
    }
}

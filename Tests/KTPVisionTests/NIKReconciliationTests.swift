import KTPContract
import Testing
@testable import KTPVision

/// The NIK cross-checked with the printed birth date, sex and region. Every NIK is synthetic.
struct NIKReconciliationTests {
    /// 31.71.07 Tanah Abang, 17-08-1990, male, serial 0003.
    static let male = "3171071708900003"
    /// The same district and date, female, serial 0004.
    static let female = "3171075708900004"

    func card(
        nik: String? = nil, digits: String? = nil, birth: String? = "SPESIMEN, 17-08-1990",
        gender: String? = "LAKI-LAKI Gol. Darah : O", nikConfidence: Double = 0.9,
        birthConfidence: Double = 0.9
    ) -> RawCard {
        var raw: RawCard = [:]
        raw[.nik] = nik.map { RawValue(text: $0, confidence: nikConfidence) }
        raw[.nikDigits] = digits.map { RawValue(text: $0, confidence: nikConfidence) }
        raw[.birth] = birth.map { RawValue(text: $0, confidence: birthConfidence) }
        raw[.genderAndBlood] = gender.map { RawValue(text: $0, confidence: 0.9) }
        return raw
    }

    func normalize(_ raw: RawCard) throws -> NormalizedCard {
        FieldNormalizer(regions: try TestRegions.table()).normalize(raw)
    }

    @Test func agreeingPassesAndPrintedFieldsGiveAHighConfidenceNIK() throws {
        let result = try normalize(card(nik: Self.male, digits: Self.male))
        #expect(result.fields[.nik] == Self.male)
        #expect((result.confidence[.nik] ?? 0) >= 0.85)
        #expect(result.fields[.dateOfBirth] == "17-08-1990")
        #expect(result.warnings.isEmpty)
    }

    @Test func letterConfusionsInTheGeneralPassAreMapped() throws {
        let result = try normalize(card(nik: "NIK : 3l7lO7I7O89OOOO3"))
        #expect(result.fields[.nik] == Self.male)
    }

    @Test func lowerCaseConfusionsAreReadCaseSensitively() throws {
        // `B` is an 8 and `g` a 9 (while `b` would be a 6).
        let result = try normalize(card(nik: "3171O757OBgOOOO4", gender: "PEREMPUAN"))
        #expect(result.fields[.nik] == Self.female)
        #expect(result.fields[.gender] == "PEREMPUAN")
    }

    @Test func femaleNIKAgreesWithAPrintedPerempuan() throws {
        let result = try normalize(card(nik: Self.female, digits: Self.female, gender: "PEREMPUAN Gol. Darah : A"))
        #expect(result.fields[.gender] == "PEREMPUAN")
        #expect(result.warnings.isEmpty)
    }

    @Test func anOlderSpellingOfTheSexIsKeptAndStillCrossChecked() throws {
        let result = try normalize(card(nik: Self.female, digits: Self.female, gender: "WANITA Gol. Darah : A"))
        #expect(result.fields[.gender] == "WANITA")
        #expect(result.warnings.isEmpty)
        let male = try normalize(card(nik: Self.male, digits: Self.male, gender: "WANITA"))
        #expect(male.warnings.map(\.code) == [.nikGenderMismatch])
    }

    @Test func digitsPassWinsWhenTheGeneralPassHasAnUnreadableCharacter() throws {
        let result = try normalize(card(nik: "31710717X8900003", digits: Self.male))
        #expect(result.fields[.nik] == Self.male)
        #expect(result.warnings.isEmpty)
    }

    @Test func disagreeingPassesResolveToTheReadingThatMatchesThePrintedDate() throws {
        // The digits pass misread the month; the general pass misread the region.
        let result = try normalize(card(nik: "3171071708900003", digits: "3171071709900003"))
        #expect(result.fields[.nik] == Self.male)
        let mixed = try normalize(card(nik: "3171991708900003", digits: "3171071709900003"))
        #expect(mixed.fields[.nik] == Self.male, "region from one pass, date from the other")
        #expect((mixed.confidence[.nik] ?? 1) < 0.8)
    }

    @Test func aThirdReadingBreaksATieInTheSerialThatNothingOnTheCardChecks() throws {
        // The general pass is the surer one, so without a third reading its `8` would stand.
        var raw = card(nik: "3171071708900008", digits: Self.male)
        raw[.nikDigits]?.confidence = 0.5
        #expect(try normalize(raw).fields[.nik] == "3171071708900008")
        raw[.nikTieBreak] = RawValue(text: Self.male, confidence: 0.4)
        let result = try normalize(raw)
        #expect(result.fields[.nik] == Self.male)
        raw[.nikTieBreak] = RawValue(text: "3171071708900009", confidence: 0.9)
        #expect(try normalize(raw).fields[.nik] == "3171071708900008")
    }

    @Test func theHeaderDecidesBetweenRegionsThatOneConfusedDigitSeparates() throws {
        // 72.06.07 (Morowali) and 12.06.07 (Karo) both exist; the card's header says Morowali.
        var raw = card(nik: "7206071708900003", digits: "1206071708900003")
        raw[.provinceHeader] = RawValue(text: "PROVINSI SULAWESI TENGAH", confidence: 0.9)
        raw[.cityHeader] = RawValue(text: "KABUPATEN MOROWALI", confidence: 0.9)
        #expect(try normalize(raw).fields[.nik] == "7206071708900003")
        raw[.provinceHeader] = RawValue(text: "PROVINSI SUMATERA UTARA", confidence: 0.9)
        raw[.cityHeader] = RawValue(text: "KABUPATEN KARO", confidence: 0.9)
        #expect(try normalize(raw).fields[.nik] == "1206071708900003")
    }

    @Test func aRegionBothPassesReadIsKeptAgainstTheHeaderWithAWarning() throws {
        // Both passes read Karo (12.06.07); the header says Morowali (72.06.07), one confusable digit away.
        var raw = card(nik: "1206071708900003", digits: "1206071708900003")
        raw[.provinceHeader] = RawValue(text: "PROVINSI SULAWESI TENGAH", confidence: 0.9)
        raw[.cityHeader] = RawValue(text: "KABUPATEN MOROWALI", confidence: 0.9)
        let result = try normalize(raw)
        #expect(result.fields[.nik] == "1206071708900003")
        #expect(result.fields[.state] == "SULAWESI TENGAH")
        #expect(result.warnings.map(\.code).contains(.nikRegionMismatchesAddress))
    }

    @Test func aNIKOfARegionThatDoesNotExistIsReturnedAsReadWithAWarning() throws {
        var raw = card(nik: "4206071708900003", digits: "4206071708900003")
        raw[.provinceHeader] = RawValue(text: "PROVINSI SULAWESI TENGAH", confidence: 0.9)
        raw[.cityHeader] = RawValue(text: "KABUPATEN MOROWALI", confidence: 0.9)
        let result = try normalize(raw)
        #expect(result.fields[.nik] == "4206071708900003")
        #expect(result.warnings.map(\.code).contains(.nikRegionUnknown))
        #expect((result.confidence[.nik] ?? 1) < 0.6)
    }

    @Test func digitsPassWithAnExtraDigitIsRepairedByDroppingIt() throws {
        let result = try normalize(card(digits: "31710717089000003"))
        #expect(result.fields[.nik] == Self.male)
        #expect((result.confidence[.nik] ?? 1) < 0.8)
    }

    @Test func aNIKOneDateDigitOffThePrintedDateIsReturnedAsReadWithAWarning() throws {
        let result = try normalize(card(nik: "3171071703900003"))
        #expect(result.fields[.nik] == "3171071703900003")
        #expect(result.fields[.dateOfBirth] == "17-08-1990")
        #expect(result.warnings.map(\.code) == [.nikBirthDateMismatch])
        #expect((result.confidence[.nik] ?? 1) < 0.7)
        #expect((result.confidence[.dateOfBirth] ?? 1) < 0.7)
    }

    @Test func aMaleNIKBesideAPrintedPerempuanKeepsBothWithAWarning() throws {
        let result = try normalize(card(nik: Self.male, gender: "PEREMPUAN"))
        #expect(result.fields[.nik] == Self.male)
        #expect(result.fields[.gender] == "PEREMPUAN")
        #expect(result.warnings.map(\.code) == [.nikGenderMismatch])
    }

    @Test func aGarbledPrintedDateIsLeftUnreadNotTakenFromTheNIK() throws {
        let result = try normalize(card(nik: Self.male, digits: Self.male, birth: "SPESIMEN, 1?-0?-1990"))
        #expect(result.fields[.dateOfBirth] == "")
        #expect(result.fields[.placeOfBirth] == "SPESIMEN")
        #expect(result.warnings.map(\.code) == [.invalidDate])
    }

    @Test func anUnreadBirthDateAndSexStayUnread() throws {
        let result = try normalize(card(nik: Self.female, digits: Self.female, birth: nil, gender: nil))
        #expect(result.fields[.nik] == Self.female)
        #expect(result.fields[.dateOfBirth] == "")
        #expect(result.fields[.gender] == "")
        #expect(result.warnings.isEmpty)
    }

    @Test func anUnsurePrintedDateThatDisagreesIsKeptWithAWarning() throws {
        let result = try normalize(
            card(
                nik: Self.male, digits: Self.male, birth: "SPESIMEN, 11-03-1990",
                birthConfidence: 0.4))
        #expect(result.fields[.dateOfBirth] == "11-03-1990")
        #expect(result.warnings.map(\.code) == [.nikBirthDateMismatch])
    }

    @Test func confidentPrintedDateThatDisagreesKeepsBothAndWarns() throws {
        let result = try normalize(card(nik: Self.male, digits: Self.male, birth: "SPESIMEN, 11-03-1985"))
        #expect(result.fields[.nik] == Self.male)
        #expect(result.fields[.dateOfBirth] == "11-03-1985")
        #expect(result.warnings.map(\.code) == [.nikBirthDateMismatch])
        #expect((result.confidence[.dateOfBirth] ?? 1) < 0.9)
    }

    @Test func printedSexThatDisagreesIsKeptWithAWarning() throws {
        let result = try normalize(card(nik: Self.male, digits: Self.male, gender: "PEREMPUAN"))
        #expect(result.fields[.gender] == "PEREMPUAN")
        #expect(result.warnings.map(\.code) == [.nikGenderMismatch])
    }

    @Test func unknownRegionIsKeptButWarnedAndLessConfident() throws {
        let unknown = "3171991708900003"
        let result = try normalize(card(nik: unknown, digits: unknown))
        #expect(result.fields[.nik] == unknown)
        #expect(result.warnings.map(\.code) == [.nikRegionUnknown])
        #expect((result.confidence[.nik] ?? 1) < 0.6)
    }

    @Test func structurallyInvalidNIKIsKeptWithVeryLowConfidence() throws {
        let result = try normalize(card(nik: "3171079908900003", birth: nil))
        #expect(result.fields[.nik] == "3171079908900003")
        #expect((result.confidence[.nik] ?? 1) < 0.3)
        #expect(result.fields[.dateOfBirth] == "")
    }

    @Test func neverInventsANIKFromAPartialReading() throws {
        let result = try normalize(card(nik: "31710717", digits: "317107170890003"))
        #expect(result.fields[.nik] == "")
        #expect(result.confidence[.nik] == 0)
    }

    /// The card around a NIK from Tanah Abang, with its header and district printed.
    func jakartaCard(nik: String, gender: String = "LAKI-LAKI Gol. Darah : O") -> RawCard {
        var raw = card(nik: nik, gender: gender)
        raw[.provinceHeader] = RawValue(text: "PROVINSI DKI JAKARTA", confidence: 0.9)
        raw[.cityHeader] = RawValue(text: "JAKARTA PUSAT", confidence: 0.9)
        raw[.district] = RawValue(text: "TANAH ABANG", confidence: 0.9)
        return raw
    }

    @Test func aNIKMissingDigitsIsNeverCompletedFromTheCard() throws {
        // Glare hid the birth day and month; the serial; the left edge lost the `3`; a reading that is not this card.
        for partial in ["317107900003", "317107170890", ": 171071708900003", "3199900003", ": 273011708900003"] {
            let result = try normalize(jakartaCard(nik: partial))
            #expect(result.fields[.nik] == "", "\(partial.count) characters read")
            #expect(result.confidence[.nik] == 0)
        }
    }

    @Test func aValidUntilIsLeftAsReadEvenOneDigitFromTheBirthday() throws {
        var raw = card(nik: Self.male, digits: Self.male)
        raw[.validUntil] = RawValue(text: "19-08-2016", confidence: 0.9)
        let result = try normalize(raw)
        #expect(result.fields[.validUntil] == "19-08-2016")
        #expect(result.warnings.isEmpty)
    }

    @Test func withoutATableTheNIKIsStillValidatedAndCrossChecked() {
        let result = FieldNormalizer(regions: nil).normalize(card(nik: "3171071703900003"))
        #expect(result.fields[.nik] == "3171071703900003")
        #expect(result.warnings.map(\.code) == [.nikBirthDateMismatch])
    }
}

@Suite struct NIKColonTests {
    @Test func aColonReadAsALeadingOneIsDropped() {
        let candidates = NIKCandidate.candidates(
            general: RawValue(text: "13101024611743773", confidence: 0.9), digitsOnly: nil)
        let best = candidates.min { ($0.edits, $0.digits) < ($1.edits, $1.digits) }
        #expect(best?.digits == "3101024611743773")
        #expect(best?.edits == 0)
    }

    @Test func aSixteenDigitWordAmongSpecksIsTheNIKAsRead() {
        let candidates = NIKCandidate.candidates(
            general: RawValue(text: "1 3101024611743773 2", confidence: 0.9), digitsOnly: nil)
        #expect(candidates.map(\.digits) == ["3101024611743773"])
        #expect(candidates.first?.edits == 0)
    }
}

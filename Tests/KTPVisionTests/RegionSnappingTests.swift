import KTPContract
import Testing
@testable import KTPVision

/// Headers and address lines snapped to the real Kemendagri table, guided by synthetic NIKs.
struct RegionSnappingTests {
    /// 31.71.07 Tanah Abang (Jakarta Pusat), 17-08-1990, male.
    static let jakartaNIK = "3171071708900003"
    /// 32.04.05 Cileunyi (Kabupaten Bandung), 25-03-1995, male.
    static let bandungNIK = "3204052503950012"

    func card(
        nik: String?, province: String? = nil, city: String? = nil, district: String? = nil,
        village: String? = nil, confidence: Double = 0.9
    ) -> RawCard {
        var raw: RawCard = [:]
        raw[.nik] = nik.map { RawValue(text: $0, confidence: 0.9) }
        raw[.provinceHeader] = province.map { RawValue(text: $0, confidence: confidence) }
        raw[.cityHeader] = city.map { RawValue(text: $0, confidence: confidence) }
        raw[.district] = district.map { RawValue(text: $0, confidence: confidence) }
        raw[.village] = village.map { RawValue(text: $0, confidence: confidence) }
        return raw
    }

    func normalize(_ raw: RawCard) throws -> NormalizedCard {
        FieldNormalizer(regions: try TestRegions.table()).normalize(raw)
    }

    @Test func exactJakartaHeadersGiveThePrintedForms() throws {
        let result = try normalize(
            card(
                nik: Self.jakartaNIK, province: "PROVINSI DKI JAKARTA",
                city: "JAKARTA PUSAT", district: "TANAH ABANG", village: "KEBON KACANG"))
        #expect(result.fields[.state] == "DKI JAKARTA")
        #expect(result.fields[.city] == "JAKARTA PUSAT")
        #expect(result.fields[.district] == "TANAH ABANG")
        #expect(result.fields[.administrativeVillage] == "KEBON KACANG")
        #expect(result.warnings.map(\.code).isEmpty)
        for key: FieldKey in [.state, .city, .district, .administrativeVillage] {
            #expect((result.confidence[key] ?? 0) >= 0.95)
        }
    }

    @Test func garbledReadingsSnapFuzzilyToTheNIKsRegion() throws {
        let result = try normalize(
            card(
                nik: Self.bandungNIK, province: "PR0VINSI JAWA 8ARAT",
                city: "KABUPATEN BANDUMG", district: "CILEUNYl",
                village: "Kel/Desa : CINUNUK."))
        #expect(result.fields[.state] == "JAWA BARAT")
        #expect(result.fields[.city] == "KABUPATEN BANDUNG")
        #expect(result.fields[.district] == "CILEUNYI")
        #expect(result.fields[.administrativeVillage] == "CINUNUK")
        #expect(result.warnings.map(\.code).isEmpty)
        #expect((result.confidence[.city] ?? 1) < (result.confidence[.district] ?? 0) + 0.2)
    }

    @Test func whatGlareLeftOfANameIsLeftAsReadNotTakenFromTheNIK() throws {
        let result = try normalize(card(nik: Self.bandungNIK, district: "CILE"))
        #expect(result.fields[.district] == "CILE")
        #expect((result.confidence[.district] ?? 1) < 0.5)
    }

    @Test func aFragmentTwoNamesExplainAlikeIsNotSnapped() throws {
        // `SU…BARAT` is as much SUMATERA BARAT as SULAWESI BARAT.
        let result = try normalize(card(nik: nil, province: "PROVINSI SU 3ARAT"))
        #expect(result.fields[.state] != "SUMATERA BARAT")
        #expect(result.fields[.state] != "SULAWESI BARAT")
    }

    @Test func aBirthPlaceOneSlipFromARegencyTakesItsName() throws {
        var raw = card(nik: nil)
        raw[.birth] = RawValue(text: "KAMANA, 17-08-1990", confidence: 0.9)
        #expect(try normalize(raw).fields[.placeOfBirth] == "KAIMANA")
        raw[.birth] = RawValue(text: "SPESIMEN, 17-08-1990", confidence: 0.9)
        #expect(try normalize(raw).fields[.placeOfBirth] == "SPESIMEN")
    }

    @Test func aBirthPlaceSplitByAStraySpaceTakesTheRegencysSpelling() throws {
        var raw = card(nik: nil)
        raw[.birth] = RawValue(text: "TANJU NG JABUNG BARAT, 17-08-1990", confidence: 0.9)
        #expect(try normalize(raw).fields[.placeOfBirth] == "TANJUNG JABUNG BARAT")
    }

    @Test func aRegionNameAmongStrayWordsIsFoundWordRunByWordRun() throws {
        let result = try normalize(
            card(nik: Self.bandungNIK, district: "AMATAN CILEUNYI", village: "KAS OMAN CINUNUK"))
        #expect(result.fields[.district] == "CILEUNYI")
        #expect(result.fields[.administrativeVillage] == "CINUNUK")
        let clean = try normalize(card(nik: Self.bandungNIK, district: "CILEUNYI"))
        #expect((result.confidence[.district] ?? 1) < (clean.confidence[.district] ?? 0))
    }

    @Test func cityHeaderMissingItsKindWordTakesTheTablesPrintedForm() throws {
        let result = try normalize(card(nik: Self.bandungNIK, city: "BANDUNG"))
        #expect(result.fields[.city] == "KABUPATEN BANDUNG")
    }

    @Test func kotaAndKabupatenOfTheSameNameStayApart() throws {
        let result = try normalize(card(nik: Self.bandungNIK, province: "PROVINSI JAWA BARAT", city: "KOTA BANDUNG"))
        #expect(result.fields[.city] == "KOTA BANDUNG")
        #expect(result.warnings.map(\.code) == [.nikRegionMismatchesAddress])
    }

    @Test func confidentDifferentAddressIsKeptAndWarnedNotOverwritten() throws {
        // The NIK says Tanah Abang; the card confidently prints Menteng, also in Jakarta Pusat.
        let result = try normalize(
            card(
                nik: Self.jakartaNIK, province: "PROVINSI DKI JAKARTA",
                city: "JAKARTA PUSAT", district: "MENTENG", village: "CIKINI"))
        #expect(result.fields[.district] == "MENTENG")
        #expect(result.fields[.administrativeVillage] == "CIKINI", "villages are searched under the printed district")
        #expect(result.warnings.map(\.code) == [.nikRegionMismatchesAddress])
    }

    @Test func clearlyDifferentUnknownNameIsKeptAsRead() throws {
        let result = try normalize(card(nik: Self.jakartaNIK, district: "SPESIMEN RAYA"))
        #expect(result.fields[.district] == "SPESIMEN RAYA")
        #expect((result.confidence[.district] ?? 1) <= 0.3)
        #expect(result.warnings.map(\.code) == [.nikRegionMismatchesAddress])
    }

    @Test func withoutANIKProvincesAndRegenciesSnapAgainstTheWholeTable() throws {
        let result = try normalize(
            card(
                nik: nil, province: "PROVINSI ACEH", city: "KOTA BANDA ACEH",
                district: "BAITURRAHMAN"))
        #expect(result.fields[.state] == "ACEH")
        #expect(result.fields[.city] == "KOTA BANDA ACEH")
        #expect(result.fields[.district] == "BAITURRAHMAN")
        #expect(result.warnings.map(\.code).isEmpty)
    }

    @Test func withoutANIKOrProvinceTheCityIsSearchedAcrossAllRegencies() throws {
        let result = try normalize(card(nik: nil, city: "KABUPATEN GOWA"))
        #expect(result.fields[.city] == "KABUPATEN GOWA")
    }

    @Test func unknownNIKRegionFallsBackToTheReadings() throws {
        let result = try normalize(
            card(
                nik: "9999991708900003", province: "PROVINSI JAWA BARAT",
                city: "KABUPATEN BANDUNG", district: "CILEUNYI"))
        #expect(result.fields[.state] == "JAWA BARAT")
        #expect(result.fields[.city] == "KABUPATEN BANDUNG")
        #expect(result.fields[.district] == "CILEUNYI")
        #expect(result.warnings.map(\.code) == [.nikRegionUnknown])
    }

    @Test func administrativeRegencyIsPrintedAsKabupaten() throws {
        let seribu = "3101011708900003"
        let result = try normalize(
            card(
                nik: seribu, province: "PROVINSI DKI JAKARTA",
                city: "KABUPATEN ADMINISTRASI KEPULAUAN SERIBU"))
        #expect(result.fields[.state] == "DKI JAKARTA")
        #expect(result.fields[.city] == "KABUPATEN KEPULAUAN SERIBU")
        #expect(result.warnings.map(\.code).isEmpty)
    }

    @Test func fullJakartaProvinceNameSnapsToDKI() throws {
        let result = try normalize(card(nik: Self.jakartaNIK, province: "PROVINSI DAERAH KHUSUS IBUKOTA JAKARTA"))
        #expect(result.fields[.state] == "DKI JAKARTA")
    }

    @Test func anUnsureGarbledReadingSnapsOnlyWhenItIsCloseToAName() throws {
        let close = try normalize(card(nik: Self.jakartaNIK, district: "TAN4H A8ANC", confidence: 0.4))
        #expect(close.fields[.district] == "TANAH ABANG")
        #expect((close.confidence[.district] ?? 1) < 0.6)
        let loose = try normalize(card(nik: Self.jakartaNIK, district: "TNH AB", confidence: 0.4))
        #expect(loose.fields[.district] != "TANAH ABANG")
    }

    @Test func withoutATableRegionReadingsAreCleanedOnly() {
        let raw = card(
            nik: Self.jakartaNIK, province: "PROVINSI  dki jakarta", city: "jakarta pusat",
            district: ": TANAH ABANG", village: "Kel/Desa : kebon kacang")
        let result = FieldNormalizer(regions: nil).normalize(raw)
        #expect(result.fields[.state] == "DKI JAKARTA")
        #expect(result.fields[.city] == "JAKARTA PUSAT")
        #expect(result.fields[.district] == "TANAH ABANG")
        #expect(result.fields[.administrativeVillage] == "KEBON KACANG")
        #expect(result.confidence[.district] == 0.9)
        #expect(result.warnings.map(\.code).isEmpty)
    }
}

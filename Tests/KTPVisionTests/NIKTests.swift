import Testing
@testable import KTPVision

struct NIKTests {
    @Test func validMaleNIKExposesRegionBirthDateAndSerial() throws {
        let nik = try NIK(validating: "3171071708900003")
        #expect(nik.region.province == "31")
        #expect(nik.region.regency == "31.71")
        #expect(nik.region.district == "31.71.07")
        #expect(nik.regionDigits == "317107")
        #expect(nik.birthDay == 17)
        #expect(nik.birthMonth == 8)
        #expect(nik.birthYearSuffix == 90)
        #expect(nik.gender == .male)
        #expect(nik.serial == 3)
    }

    @Test func femaleDayIsPrintedPlusForty() throws {
        let nik = try NIK(validating: "3171075708900004")
        #expect(nik.gender == .female)
        #expect(nik.birthDay == 17)
        #expect(nik.datePart == "570890")
        #expect(NIK.datePart(for: CardDate(day: 17, month: 8, year: 1990)!, gender: .female) == "570890")
    }

    @Test(arguments: [
        ("317107170890003", NIKError.Code.wrongLength),
        ("31710717089000031", .wrongLength),
        ("31710717O8900003", .notDigits),
        ("0971071708900003", .invalidRegion),
        ("3100071708900003", .invalidRegion),
        ("3171001708900003", .invalidRegion),
        ("3171073208900003", .invalidBirthDate),
        ("3171077208900003", .invalidBirthDate),
        ("3171071713900003", .invalidBirthDate),
        ("3171073104900003", .invalidBirthDate),
        ("3171071708900000", .invalidSerial),
    ])
    func invalidNIKsAreRejectedWithTheirReason(text: String, code: NIKError.Code) {
        #expect(throws: NIKError(code)) { try NIK(validating: text) }
        #expect(NIK(text) == nil)
    }

    @Test func leapDayIsValidOnlyInLeapYearsOfEitherCentury() {
        #expect(NIK("3171072902000001") != nil, "29-02-2000 is a leap day")
        #expect(NIK("3171076902040001") != nil, "29-02-2004, female")
        #expect(NIK("3171072902010001") == nil, "neither 1901 nor 2001 is a leap year")
        #expect(NIK("3171073002000001") == nil, "30 February never exists")
    }

    @Test func encodesComparesDayMonthAndTwoDigitYear() throws {
        let nik = try NIK(validating: "3171075708900004")
        #expect(nik.encodes(CardDate(day: 17, month: 8, year: 1990)!))
        #expect(!nik.encodes(CardDate(day: 18, month: 8, year: 1990)!))
        #expect(!nik.encodes(CardDate(day: 17, month: 8, year: 1991)!))
    }

    @Test func descriptionAndMirrorNeverRevealTheDigits() throws {
        let nik = try NIK(validating: "3171071708900003")
        #expect(!String(describing: nik).contains("3171"))
        #expect(!String(reflecting: nik).contains("3171"))
        #expect(Mirror(reflecting: nik).children.isEmpty)
        var dumped = ""
        dump(nik, to: &dumped)
        #expect(!dumped.contains("3171"))
    }
}

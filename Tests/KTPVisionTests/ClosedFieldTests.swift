import Testing
import KTPContract
@testable import KTPVision

/// The closed vocabularies and fixed formats, through ``FieldNormalizer`` without a region table.
struct ClosedFieldTests {
    let normalizer = FieldNormalizer(regions: nil)

    func normalized(_ slot: RawSlot, _ text: String, confidence: Double = 0.9) -> NormalizedCard {
        normalizer.normalize([slot: RawValue(text: text, confidence: confidence)])
    }

    @Test(arguments: [
        ("ISLAM", "ISLAM"), ("islam", "ISLAM"), (": ISLAM", "ISLAM"), ("KATHOLIK", "KATHOLIK"),
        ("BUDHA", "BUDHA"), ("Khonghucu", "KHONGHUCU"), ("KR1STEN", "KRISTEN"), ("Agama : HINDU", "HINDU"),
        ("KEPERCAYAAN TERHADAP TUHAN YME", "KEPERCAYAAN TERHADAP TUHAN YME"), ("KATHOL1K", "KATHOLIK"),
    ])
    func religionSnapsToTheSpellingTheCardPrints(text: String, expected: String) {
        #expect(normalized(.religion, text).fields[.religion] == expected)
    }

    @Test func exactVocabularyHitIsMoreConfidentThanAFuzzyOne() {
        let exact = normalized(.religion, "KRISTEN").confidence[.religion] ?? 0
        let fuzzy = normalized(.religion, "KRISTEM").confidence[.religion] ?? 0
        #expect(exact >= 0.9)
        #expect(fuzzy < exact)
        #expect(fuzzy > 0.3)
    }

    @Test(arguments: [
        (RawSlot.occupation, "ERA KARYAWAN SWASTA", FieldKey.occupation, "KARYAWAN SWASTA"),
        (.occupation, "PELAJAR/MAHASISWA 17-05-2022", .occupation, "PELAJAR/MAHASISWA"),
        (.maritalStatus, "PERAN CERAI MATI", .maritalStatus, "CERAI MATI"),
        (.religion, "AGA MA ISLAM", .religion, "ISLAM"),
    ])
    func aValueAmongStrayWordsSnapsWithLessConfidence(slot: RawSlot, text: String, key: FieldKey, expected: String) {
        let card = normalized(slot, text)
        #expect(card.fields[key] == expected)
        let clean = normalized(slot, expected)
        #expect((card.confidence[key] ?? 1) < (clean.confidence[key] ?? 0))
    }

    @Test func birthPlaceLosesTheFullStopThatWasItsComma() {
        let card = normalized(.birth, "MAKASSAR. 19-02-1990")
        #expect(card.fields[.placeOfBirth] == "MAKASSAR")
        #expect(card.fields[.dateOfBirth] == "19-02-1990")
    }

    @Test func unknownWordKeepsTheCleanedReadingWithLowConfidence() {
        let card = normalized(.religion, "  xyzzy  qua ")
        #expect(card.fields[.religion] == "XYZZY QUA")
        #expect((card.confidence[.religion] ?? 1) <= 0.3)
    }

    @Test(arguments: [
        ("BELUM KAWIN", "BELUM KAWIN"), ("KAWIN", "KAWIN"), ("BELUMKAWIN", "BELUM KAWIN"),
        ("CERAI HIDUF", "CERAI HIDUP"), ("cerai mati", "CERAI MATI"), ("KAWIN TERCATAT", "KAWIN TERCATAT"),
        ("KAWIN TERCATAI", "KAWIN TERCATAT"), ("Kawin Belum Tercatat", "KAWIN BELUM TERCATAT"),
    ])
    func maritalStatusKeepsKawinAndBelumKawinApart(text: String, expected: String) {
        #expect(normalized(.maritalStatus, text).fields[.maritalStatus] == expected)
    }

    @Test(arguments: [
        ("KARYAWAN SWASTA", "KARYAWAN SWASTA"), ("PELAJAR/MAHASlSWA", "PELAJAR/MAHASISWA"),
        ("PELAJAR MAHASISWA", "PELAJAR/MAHASISWA"), ("W1RASWASTA", "WIRASWASTA"),
        ("BELUM / TIDAK BEKERJA", "BELUM/TIDAK BEKERJA"),
    ])
    func occupationSnapsToDukcapilsList(text: String, expected: String) {
        #expect(normalized(.occupation, text).fields[.occupation] == expected)
    }

    @Test(arguments: ["TANI", "DAGANG", "KARYAWAN"])
    func anOccupationsShortFormStaysAsPrintedNotCompletedToAListedOne(text: String) {
        #expect(normalized(.occupation, text).fields[.occupation] == text)
    }

    @Test(arguments: [("WNI", "WNI"), ("WN1", "WNI"), ("wna", "WNA"), ("INDONESIA", "INDONESIA")])
    func nationalitySnaps(text: String, expected: String) {
        #expect(normalized(.nationality, text).fields[.nationality] == expected)
    }

    @Test func aNationalityOutsideTheListIsReturnedAsPrintedWithLowConfidence() {
        // A foreign resident's card prints the country; an unsure reading is not rewritten to the usual `WNI`.
        #expect(normalized(.nationality, "WNA", confidence: 0.4).fields[.nationality] == "WNA")
        let country = normalized(.nationality, "CHINA", confidence: 0.9)
        #expect(country.fields[.nationality] == "CHINA")
        #expect((country.confidence[.nationality] ?? 1) <= 0.5)
        #expect(normalized(.nationality, "VA").fields[.nationality] == "VA")
    }

    @Test(arguments: [
        (RawSlot.religion, "DDHA", FieldKey.religion, "BUDDHA"),
        (.maritalStatus, "CERAI M", .maritalStatus, "CERAI MATI"),
        (.religion, "OLIK", .religion, "KATOLIK"),
    ])
    func whatGlareLeftOfAnExhaustiveListsValueSnapsToTheValueItIsPartOf(
        slot: RawSlot, text: String, key: FieldKey, expected: String
    ) {
        let card = normalized(slot, text)
        #expect(card.fields[key] == expected)
        #expect((card.confidence[key] ?? 1) < (normalized(slot, expected).confidence[key] ?? 0))
    }

    @Test(arguments: [
        (RawSlot.religion, "MRETEN", FieldKey.religion, "KRISTEN"),
        (.maritalStatus, "KAVAN", .maritalStatus, "KAWIN"),
        (.maritalStatus, "BELA KANAN", .maritalStatus, "BELUM KAWIN"),
        (.maritalStatus, "CRRAS MAN TT", .maritalStatus, "CERAI MATI"),
    ])
    func aGarbledReadingOfAnExhaustiveListIsItsClearlyNearestValue(
        slot: RawSlot, text: String, key: FieldKey, expected: String
    ) {
        let card = normalized(slot, text)
        #expect(card.fields[key] == expected)
        #expect((card.confidence[key] ?? 1) <= 0.3)
    }

    @Test func aGarbledReadingNearTwoValuesOrOfAnOpenListIsNotGuessed() {
        // As near `HINDU` as `BUDDHA`; and occupations are not limited by law.
        #expect(normalized(.religion, "BUNDU").fields[.religion] == "BUNDU")
        #expect(normalized(.occupation, "PEGANG MA GP").fields[.occupation] == "PEGANG MA GP")
        // Nor is what glare left of an occupation completed: the card may print one outside the list.
        #expect(normalized(.occupation, "KARYA STA").fields[.occupation] == "KARYA STA")
        #expect(normalized(.occupation, "JS RUMAH TANGGA").fields[.occupation] == "JS RUMAH TANGGA")
    }

    @Test func aFragmentTooShortOrUnlikeAnyValueIsNotSnapped() {
        #expect(normalized(.religion, "AM").fields[.religion] == "AM")
        #expect(normalized(.religion, "XQZVW").fields[.religion] == "XQZVW")
    }

    @Test(arguments: [
        ("LAKI-LAKI Gol. Darah : O", "LAKI-LAKI", "O"), ("LAKI LAKI GOL DARAH 0", "LAKI-LAKI", "O"),
        ("PEREMPUAN Gol. Darah : AB+", "PEREMPUAN", "AB+"), ("PEREMPUAN Darah: B-", "PEREMPUAN", "B-"),
        ("LAKI-LAKI Gol. Darah : -", "LAKI-LAKI", "-"), ("PEREMPUAN A", "PEREMPUAN", "A"),
        ("LAKl-LAKI", "LAKI-LAKI", ""), ("perernpuan Gol. Darah: A8", "PEREMPUAN", "AB"),
        ("LAKI-LAKI Gol. Darah : AT", "LAKI-LAKI", "A+"), ("PEREMPUAN Gol. Darah : AB#", "PEREMPUAN", "AB+"),
        ("LAKI-LAKI Gol. Darah : O4", "LAKI-LAKI", "O+"), ("LAKI-LAKI Gol. Darah : —", "LAKI-LAKI", "-"),
        ("PEREMPUAN Gol. Darah : B_", "PEREMPUAN", "B-"), ("LAKI-LAKI Gol. Darah : OS", "LAKI-LAKI", "O+"),
        ("PEREMPUAN Gol. Darah : AR", "PEREMPUAN", "A+"), ("LAKI-LAKI Gol. Darah : «", "LAKI-LAKI", "-"),
        ("PEREMPUAN Gol. Darah : ”A", "PEREMPUAN", "A"),
    ])
    func genderLineSplitsIntoGenderAndBloodType(text: String, gender: String, blood: String) {
        let card = normalized(.genderAndBlood, text)
        #expect(card.fields[.gender] == gender)
        #expect(card.fields[.bloodType] == blood)
    }

    @Test(arguments: ["LASLAI Gal Derah", "LAHLANG Gast. Daan : B", "LAGLAG GAL. DARAH"])
    func aBlurredGolBeforeARecognisedDarahIsPartOfTheLabelNotTheSex(text: String) {
        #expect(normalized(.genderAndBlood, text).fields[.gender] == "LAKI-LAKI")
    }

    @Test func anEmptyBloodTypeAfterAReadLabelIsTheDashBlurTook() {
        let card = normalized(.genderAndBlood, "LAKI-LAKI Gol. Darah :")
        #expect(card.fields[.bloodType] == "-")
        #expect((card.confidence[.bloodType] ?? 1) <= 0.3)
        #expect(normalized(.genderAndBlood, "LAKI-LAKI").fields[.bloodType] == "")
        #expect(normalized(.genderAndBlood, "PEREMPUAN Gol. Darah : ABE").fields[.bloodType] == "AB+")
    }

    @Test(arguments: [
        ("B-", "+", "B+"), ("AB4#", "+", "AB+"), ("O", "-", "O-"), ("AB-#-", "+", "AB+"), ("0-", "+", "O+"),
        ("-", "+", "-"), ("ABO", "+", ""), ("GC", "-", "-"), ("22", "-", "-"), ("GC", "+", ""),
    ])
    func aMeasuredSignOutranksTheOneRead(read: String, sign: String, blood: String) {
        let card = normalizer.normalize([
            .genderAndBlood: RawValue(text: "LAKI-LAKI Gol. Darah : \(read)", confidence: 0.9),
            .bloodSign: RawValue(text: sign, confidence: 1),
        ])
        #expect(card.fields[.bloodType] == blood)
    }

    @Test func bloodTypeReadFromADigitIsLessConfident() {
        let letter = normalized(.genderAndBlood, "LAKI-LAKI Gol. Darah : O").confidence[.bloodType] ?? 0
        let digit = normalized(.genderAndBlood, "LAKI-LAKI Gol. Darah : 0").confidence[.bloodType] ?? 0
        #expect(digit < letter)
    }

    @Test(arguments: [
        ("005/012", "005/012"), ("5/12", "005/012"), ("005 / 012", "005/012"), ("0051012", "005/012"),
        ("005l012", "005/012"), ("005I012", "005/012"), ("RT/RW : 01/02", "001/002"), ("OO5/O12", "005/012"),
        ("0027002", "002/002"),
    ])
    func rtRwIsZeroPaddedAndRecoversAMisreadSlash(text: String, expected: String) {
        #expect(normalized(.rtRw, text).fields[.rtRw] == expected)
    }

    @Test func rtRwTakesTheDigitsOnlyPassWhenTheGeneralOneReadLettersOrLostTheSlash() {
        func rtRw(_ general: String, _ digits: String?) -> String {
            let raw: RawCard = [
                .rtRw: RawValue(text: general, confidence: 0.5),
                .rtRwDigits: digits.map { RawValue(text: $0, confidence: 0.4) },
            ].compactMapValues { $0 }
            return normalizer.normalize(raw).fields[.rtRw]
        }
        #expect(rtRw("NG DI", "008/009") == "008/009")
        #expect(rtRw("0051012", "005/012") == "005/012")
        #expect(rtRw("005/012", "006/012") == "005/012")
        #expect(rtRw("020/002 CA", nil) == "020/002")
        #expect(rtRw("NG DI", "8") == "")
    }

    @Test(arguments: [
        ("SEUMUR HIDUP", "SEUMUR HIDUP"), ("SEUMUR HIDUF", "SEUMUR HIDUP"), ("SEUMURHIDUP", "SEUMUR HIDUP"),
        ("seumur  hidup", "SEUMUR HIDUP"), ("17-08-2017", "17-08-2017"), ("17 O8 2017", "17-08-2017"),
        ("SE MUAT PADA", "SEUMUR HIDUP"), ("JA AT 1 HIDUP", "SEUMUR HIDUP"), ("SEUMUR 11 1", "SEUMUR HIDUP"),
    ])
    func validUntilIsLifetimeOrADate(text: String, expected: String) {
        #expect(normalized(.validUntil, text).fields[.validUntil] == expected)
    }

    @Test func nameIsCleanedAndDigitsInWordsBecomeLetters() {
        let card = normalized(.name, "| nama :  SPES1MEN   8UDI 0RANG-C0NTOH")
        #expect(card.fields[.fullName] == "SPESIMEN BUDI ORANG-CONTOH")
    }

    @Test func nameKeepsApostrophesDotsAndCommas() {
        #expect(normalized(.name, ": SPESIMEN O'CONTOH, S.T.").fields[.fullName] == "SPESIMEN O'CONTOH, S.T.")
    }

    @Test func addressKeepsNumbersAndPunctuation() {
        let card = normalized(.address, "Alamat :  jl. spesimen  no. 12/B,  blok-C'")
        #expect(card.fields[.address] == "JL. SPESIMEN NO. 12/B, BLOK-C")
    }

    @Test func anAddressesFirstWordIsReadBackOnlyWhenItIsCloseToASpelledOutLead() {
        #expect(normalized(.address, "KORONG SPESIMEN IV").fields[.address] == "LORONG SPESIMEN IV")
        #expect(normalized(.address, "PERUMAHN, SPESIMEN").fields[.address] == "PERUMAHAN, SPESIMEN")
        // A short lead is not guessed: `IL` may be what blur left of `JL`, or what is printed.
        #expect(normalized(.address, "IL. SPESIMEN NO. 7").fields[.address] == "IL. SPESIMEN NO. 7")
        #expect(normalized(.address, "RT 05 SPESIMEN").fields[.address] == "RT 05 SPESIMEN")
        // Only the first word, and only a whole word: a short one may be a name of its own.
        #expect(normalized(.address, "SPESIMEN IL").fields[.address] == "SPESIMEN IL")
        #expect(normalized(.address, "DUKUH SPESIMEN").fields[.address] == "DUKUH SPESIMEN")
    }

    @Test func anAddressesClosingRomanNumeralIsReadBackFromBarsAndExclamationMarks() {
        #expect(normalized(.address, "GG. SPESIMEN |").fields[.address] == "GG. SPESIMEN I")
        #expect(normalized(.address, "LORONG SPESIMEN II!").fields[.address] == "LORONG SPESIMEN III")
        // After `NO.` a bar is a speck, not a numeral, and is cleaned away.
        #expect(normalized(.address, "JL. SPESIMEN NO. |").fields[.address] == "JL. SPESIMEN NO.")
    }

    @Test func addressAbbreviationsKeepTheFullStopTheyArePrintedWithOrNone() {
        // Cards print both `JL.` and `JL`; adding the stop would return what is not printed.
        #expect(normalized(.address, "KP SPESIMEN").fields[.address] == "KP SPESIMEN")
        #expect(
            normalized(.address, "KOMP. SPESIMEN BLOK A1 NO 39").fields[.address] == "KOMP. SPESIMEN BLOK A1 NO 39")
    }

    @Test func birthLineSplitsIntoPlaceAndDate() {
        let card = normalized(.birth, "Lahir : jakarta,  17-O8-199O")
        #expect(card.fields[.placeOfBirth] == "JAKARTA")
        #expect(card.fields[.dateOfBirth] == "17-08-1990")
        #expect(normalized(.birth, "LAHAT, 01-04-1985").fields[.placeOfBirth] == "LAHAT")
    }

    @Test func aFullStopBeforeTheBirthLinesCommaIsNotPartOfThePlace() {
        #expect(normalized(.birth, "SPESIMEN., 20-09-2000").fields[.placeOfBirth] == "SPESIMEN")
    }

    @Test func birthLineWithoutCommaSplitsAtTheFirstDigit() {
        let card = normalized(.birth, "KOTA SPESIMEN 17 08 1990")
        #expect(card.fields[.placeOfBirth] == "KOTA SPESIMEN")
        #expect(card.fields[.dateOfBirth] == "17-08-1990")
    }

    @Test func impossiblePrintedDateIsFlaggedAndNotTrusted() {
        let card = normalized(.birth, "JAKARTA, 31-02-1990")
        #expect(card.warnings.map(\.code) == [.invalidDate])
        #expect((card.confidence[.dateOfBirth] ?? 1) <= 0.3)
    }

    @Test func emptyCardGivesEveryFieldEmptyWithZeroConfidence() {
        let card = normalizer.normalize([:])
        for key in FieldKey.allCases {
            #expect(card.fields[key] == "")
            #expect(card.confidence[key] == 0)
        }
        #expect(card.warnings.isEmpty)
    }

    @Test func blankSlotIsUnreadNotAValue() {
        let card = normalized(.occupation, " : | ")
        #expect(card.fields[.occupation] == "")
        #expect(card.confidence[.occupation] == 0)
    }
}

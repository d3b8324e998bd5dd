import KTPContract
import KTPVision
import Testing
import KTPSynth

@Suite struct SyntheticIdentityTests {
    @Test func nikAgreesWithRegionBirthDateAndGender() throws {
        let regions = try TestFixtures.regions()
        var rng = SeededGenerator(seed: 11)
        for _ in 0..<300 {
            let identity = try SyntheticIdentity.random(regions: regions, using: &rng)
            let f = identity.fields
            let nik = Array(f[.nik])
            try #require(nik.count == 16 && nik.allSatisfy(\.isNumber), "NIK \(f[.nik])")
            #expect(String(nik[0..<6]) == RegionCode.digits(identity.districtCode))
            let day = Int(String(nik[6..<8]))!
            #expect(day == identity.birthDate.day + (identity.isFemale ? 40 : 0))
            #expect(Int(String(nik[8..<10]))! == identity.birthDate.month)
            #expect(Int(String(nik[10..<12]))! == identity.birthDate.year % 100)
            #expect(String(nik[12..<16]) != "0000")
            #expect(f[.dateOfBirth] == identity.birthDate.printed)
            #expect((1950...2006).contains(identity.birthDate.year))
            #expect(f[.gender] == (identity.isFemale ? "PEREMPUAN" : "LAKI-LAKI"))
        }
    }

    @Test func regionNamesComeFromOneChainOfTheTable() throws {
        let regions = try TestFixtures.regions()
        var rng = SeededGenerator(seed: 12)
        for _ in 0..<200 {
            let identity = try SyntheticIdentity.random(regions: regions, using: &rng)
            #expect(regions.children(of: identity.provinceCode).contains(identity.regencyCode))
            #expect(regions.children(of: identity.regencyCode).contains(identity.districtCode))
            #expect(regions.children(of: identity.districtCode).contains(identity.villageCode))
            #expect(identity.fields[.state] == regions.printedProvince(identity.provinceCode))
            #expect(identity.fields[.city] == regions.printedRegency(identity.regencyCode))
            #expect(identity.fields[.district] == regions.printedName(identity.districtCode))
            #expect(identity.fields[.administrativeVillage] == regions.printedName(identity.villageCode))
        }
    }

    @Test func valuesUseTheContractForms() throws {
        let regions = try TestFixtures.regions()
        var rng = SeededGenerator(seed: 13)
        var sawDash = false, sawDate = false
        for _ in 0..<300 {
            let f = try SyntheticIdentity.random(regions: regions, using: &rng).fields
            for key in FieldKey.allCases {
                #expect(!f[key].isEmpty, "\(key) is empty")
                #expect(f[key] == RegionTable.printed(f[key]), "\(key) is not upper case, single-spaced")
            }
            #expect(f[.rtRw].wholeMatch(of: /\d{3}\/\d{3}/) != nil)
            #expect(Vocabulary.bloodTypes.contains(f[.bloodType]))
            #expect(Vocabulary.religions.contains(f[.religion]))
            #expect(Vocabulary.maritalStatuses.contains(f[.maritalStatus]))
            #expect(Vocabulary.occupations.contains(f[.occupation]))
            #expect(Vocabulary.nationalities.contains(f[.nationality]))
            #expect(!f[.placeOfBirth].hasPrefix("KABUPATEN ") && !f[.placeOfBirth].hasPrefix("KOTA "))
            let valid = f[.validUntil]
            #expect(valid == Vocabulary.lifetime || valid.wholeMatch(of: /\d{2}-\d{2}-\d{4}/) != nil)
            sawDash = sawDash || f[.bloodType] == "-"
            sawDate = sawDate || valid != Vocabulary.lifetime
        }
        #expect(sawDash && sawDate)
    }

    @Test func nikFormulaAddsFortyForWomen() throws {
        let date = try #require(CalendarDate(year: 1990, month: 8, day: 17))
        #expect(
            SyntheticIdentity.nik(district: "31.71.01", birthDate: date, isFemale: false, serial: 3)
                == "3171011708900003")
        #expect(
            SyntheticIdentity.nik(district: "31.71.01", birthDate: date, isFemale: true, serial: 3)
                == "3171015708900003")
    }
}

import Foundation
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
            #expect(f[.gender].uppercased() == (identity.isFemale ? "PEREMPUAN" : "LAKI-LAKI"))
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

    @Test func truthIsUpperCaseAndOnlyMarkedCardsPrintMixedCase() throws {
        let regions = try TestFixtures.regions()
        var rng = SeededGenerator(seed: 13)
        var sawDash = false, sawDate = false, sawMixed = false
        let closed: Set<FieldKey> = [.gender, .religion, .maritalStatus, .occupation]
        for _ in 0..<300 {
            let identity = try SyntheticIdentity.random(regions: regions, using: &rng)
            let f = identity.fields
            let mixed = identity.printedVariants.contains("mixed-case")
            for key in FieldKey.allCases {
                #expect(!f[key].isEmpty, "\(key) is empty")
                #expect(f[key] == RegionTable.printed(f[key]), "\(key) '\(f[key])' is not upper case")
                let printed = identity.printedFields[key]
                #expect(printed == f[key] || (mixed && closed.contains(key)), "\(key) is printed '\(printed)'")
                #expect(printed.uppercased() == f[key])
                #expect(!f[key].contains("  ") && f[key] == f[key].trimmingCharacters(in: .whitespaces))
            }
            #expect(f[.rtRw].wholeMatch(of: /\d{3}\/\d{3}/) != nil)
            #expect(f[.bloodType].wholeMatch(of: /-|(A|B|AB|O)[+-]?/) != nil)
            #expect(["WNI", "WNA"].contains(f[.nationality]))
            #expect(!f[.placeOfBirth].hasPrefix("KABUPATEN ") && !f[.placeOfBirth].hasPrefix("KOTA "))
            let valid = f[.validUntil]
            #expect(valid == "SEUMUR HIDUP" || valid.wholeMatch(of: /\d{2}-\d{2}-\d{4}/) != nil)
            sawDash = sawDash || f[.bloodType] == "-"
            sawDate = sawDate || valid != "SEUMUR HIDUP"
            sawMixed = sawMixed || (mixed && identity.printedFields[.religion] != f[.religion])
        }
        #expect(sawDash && sawDate && sawMixed)
    }

    @Test func identitiesDoNotComeFromTheEngineVocabulary() throws {
        // The engine's lists decide what it can snap a reading to; printed values it has never seen must occur.
        let regions = try TestFixtures.regions()
        var rng = SeededGenerator(seed: 14)
        var outside: [FieldKey: Int] = [:]
        let total = 600
        for _ in 0..<total {
            let f = try SyntheticIdentity.random(regions: regions, using: &rng).printedFields
            let lists: [(FieldKey, [String])] = [
                (.occupation, Vocabulary.occupations), (.religion, Vocabulary.religions),
                (.maritalStatus, Vocabulary.maritalStatuses), (.gender, Vocabulary.genders),
            ]
            for (key, list) in lists where !list.contains(f[key]) { outside[key, default: 0] += 1 }
        }
        let occupationShare = Double(outside[.occupation] ?? 0) / Double(total)
        #expect((0.1...0.4).contains(occupationShare), "occupations outside the engine's list: \(occupationShare)")
        #expect((outside[.religion] ?? 0) > 0 && (outside[.maritalStatus] ?? 0) > 0 && (outside[.gender] ?? 0) > 0)
    }

    @Test func noGeneratorSourceReadsTheEngineVocabulary() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/KTPSynth").standardizedFileURL
        let files = try FileManager.default.contentsOfDirectory(atPath: sources.path).filter { $0.hasSuffix(".swift") }
        #expect(files.count > 20)
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            #expect(!text.contains("Vocabulary.") && !text.contains("ClosedVocabulary"), "\(file)")
        }
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

import KTPContract
import KTPVision

/// A fictional person whose every printed value agrees: the NIK encodes the district, birth date
/// and gender that the card prints, and the region names come from the real region table.
public struct SyntheticIdentity: Sendable, Hashable {
    /// The seventeen values as the contract expects them back: as printed, in upper case.
    public var fields: KTPFields
    public var birthDate: CalendarDate
    public var isFemale: Bool
    /// Dotted region codes, from province down to village.
    public var provinceCode: String
    public var regencyCode: String
    public var districtCode: String
    public var villageCode: String
    /// The four digits after the date in the NIK, `1...9999`.
    public var serial: Int
    /// Printed under the photo: where and when the card was issued.
    public var issuePlace: String
    public var issueDate: CalendarDate
    /// Which printed variants the values show (`mixed-case`, `older-spelling`, `long-name`, …), for truth.
    public var printedVariants: [String] = []

    /// The fields a mixed-case card prints in mixed case.
    static let mixedCaseKeys: Set<FieldKey> = [.gender, .religion, .maritalStatus, .occupation]

    /// The values as the card prints them: ``fields``, but in mixed case where the card prints so.
    public var printedFields: KTPFields {
        guard printedVariants.contains("mixed-case") else { return fields }
        var printed = fields
        for key in Self.mixedCaseKeys { printed[key] = IdentityLexicon.mixedCase(fields[key]) }
        return printed
    }

    /// The year ages are counted to; fixed so identities do not change with the clock.
    static let referenceYear = 2025

    /// Draws a new identity from `regions` with `rng`.
    public static func random(
        regions: RegionTable, using rng: inout SeededGenerator
    ) throws(SynthError)
        -> SyntheticIdentity
    {
        let (province, regency, district, village) = try pickRegion(regions, using: &rng)
        let isFemale = rng.chance(0.5)
        let birthDate = CalendarDate.random(in: 1950...2006, using: &rng)
        let serial = rng.int(1...9999)
        let age = referenceYear - birthDate.year

        var variants: [String] = []
        var fields = KTPFields()
        fields[.nik] = nik(district: district, birthDate: birthDate, isFemale: isFemale, serial: serial)
        fields[.fullName] = longName(isFemale: isFemale, variants: &variants, using: &rng)
        fields[.placeOfBirth] = placeOfBirth(regions, province: province, regency: regency, using: &rng)
        fields[.dateOfBirth] = birthDate.printed
        fields[.gender] = isFemale ? IdentityLexicon.female : IdentityLexicon.male
        fields[.bloodType] = rng.weighted(IdentityLexicon.bloodTypes)
        fields[.address] = rng.chance(0.15) ? longAddress(using: &rng) : address(using: &rng)
        if fields[.address].count > 34 { variants.append("long-address") }
        fields[.rtRw] = CalendarDate.threeDigits(rng.int(1...20)) + "/" + CalendarDate.threeDigits(rng.int(1...15))
        fields[.administrativeVillage] = regions.printedName(village) ?? ""
        fields[.district] = regions.printedName(district) ?? ""
        fields[.city] = regions.printedRegency(regency) ?? ""
        fields[.state] = regions.printedProvince(province) ?? ""
        let religion = rng.weighted(IdentityLexicon.religions[religionKey(province: province, using: &rng)]!)
        let marital = rng.weighted(IdentityLexicon.maritalStatuses[maritalKey(age: age, using: &rng)]!)
        let work = occupation(age: age, isFemale: isFemale, using: &rng)
        if IdentityLexicon.olderOccupations.contains(work) { variants.append("older-occupation") }
        let common = ["ISLAM", "KRISTEN", "KATOLIK", "HINDU", "BUDDHA", "KONGHUCU", "KEPERCAYAAN TERHADAP TUHAN YME"]
        if !common.contains(religion) || marital == "KAWIN TERCATAT" { variants.append("older-spelling") }
        fields[.religion] = religion
        fields[.maritalStatus] = marital
        fields[.occupation] = work
        fields[.nationality] = rng.chance(0.98) ? IdentityLexicon.citizen : IdentityLexicon.foreigner

        let earliestIssue = max(2011, birthDate.year + 17)
        var issueDate = CalendarDate.random(in: earliestIssue...max(earliestIssue, 2024), using: &rng)
        if earliestIssue <= 2015, rng.chance(0.15) {
            // Cards issued before 2016 printed a date five years on, at the holder's birthday.
            issueDate = CalendarDate.random(in: earliestIssue...2015, using: &rng)
            fields[.validUntil] = birthDate.inYear(issueDate.year + 5).printed
        } else {
            fields[.validUntil] = IdentityLexicon.lifetime
        }
        if rng.chance(0.08) {
            // Some offices print the closed fields in mixed case (``printedFields``); the contract's values are
            // upper case all the same.
            variants.append("mixed-case")
        }
        return SyntheticIdentity(
            fields: fields, birthDate: birthDate, isFemale: isFemale, provinceCode: province,
            regencyCode: regency, districtCode: district, villageCode: village, serial: serial,
            issuePlace: bareRegencyName(regions.printedRegency(regency) ?? ""), issueDate: issueDate,
            printedVariants: variants
        )
    }

    /// Six district digits, `DDMMYY` with 40 added to the day for women, four serial digits.
    public static func nik(district: String, birthDate: CalendarDate, isFemale: Bool, serial: Int) -> String {
        let day = birthDate.day + (isFemale ? 40 : 0)
        return RegionCode.digits(district) + CalendarDate.twoDigits(day) + CalendarDate.twoDigits(birthDate.month)
            + CalendarDate.twoDigits(birthDate.year % 100) + CalendarDate.fourDigits(serial)
    }

    /// `KABUPATEN GOWA` → `GOWA`, `KOTA BANDA ACEH` → `BANDA ACEH`: how places of birth are written.
    public static func bareRegencyName(_ printed: String) -> String {
        for prefix in ["KABUPATEN ", "KOTA "] where printed.hasPrefix(prefix) {
            return String(printed.dropFirst(prefix.count))
        }
        return printed
    }

    private static func pickRegion(
        _ regions: RegionTable, using rng: inout SeededGenerator
    ) throws(SynthError)
        -> (String, String, String, String)
    {
        guard !regions.provinceCodes.isEmpty else { throw SynthError(.noUsableRegion) }
        for _ in 0..<200 {
            let province = rng.pick(regions.provinceCodes)
            let regencies = regions.children(of: province)
            guard !regencies.isEmpty else { continue }
            let regency = rng.pick(regencies)
            let districts = regions.children(of: regency)
            guard !districts.isEmpty else { continue }
            let district = rng.pick(districts)
            let villages = regions.children(of: district)
            guard !villages.isEmpty else { continue }
            return (province, regency, district, rng.pick(villages))
        }
        throw SynthError(.noUsableRegion)
    }

    /// A fictional name of one to three words, also printed on the negative cards.
    static func name(isFemale: Bool, using rng: inout SeededGenerator) -> String {
        let given = rng.pick(isFemale ? NameBank.femaleGiven : NameBank.maleGiven)
        var words = [given]
        let shape = rng.weighted([(1, 0.15), (2, 0.5), (3, 0.35)])
        if shape == 3 {
            let middle = rng.pick(NameBank.middle)
            if !given.contains(middle) { words.append(middle) }
        }
        if shape >= 2 {
            let family = rng.pick(NameBank.family)
            if !words.contains(family) { words.append(family) }
        }
        return words.joined(separator: " ")
    }

    private static func placeOfBirth(
        _ regions: RegionTable, province: String, regency: String,
        using rng: inout SeededGenerator
    ) -> String {
        var code = regency
        if rng.chance(0.35) {
            let provinceCode = rng.chance(0.6) ? province : rng.pick(regions.provinceCodes)
            let regencies = regions.children(of: provinceCode)
            if !regencies.isEmpty { code = rng.pick(regencies) }
        }
        return bareRegencyName(regions.printedRegency(code) ?? "")
    }

    static func address(using rng: inout SeededGenerator) -> String {
        switch rng.int(0...5) {
        case 0, 1:
            return "JL. \(rng.pick(NameBank.streets)) NO. \(rng.int(1...150))"
        case 2:
            return "DUSUN \(rng.pick(NameBank.hamlets))"
        case 3:
            let block = String(rng.pick(Array("ABCDEFGH"))) + String(rng.int(1...12))
            let estate = rng.pick(["PERUM", "KOMP."]) + " " + rng.pick(NameBank.estates)
            return "\(estate) BLOK \(block) NO. \(rng.int(1...40))"
        case 4:
            let lane = rng.pick(["GG.", "LORONG"]) + " " + rng.pick(NameBank.streets)
            return lane + " " + rng.pick(["I", "II", "III", "IV"])
        default:
            return "KP. \(rng.pick(NameBank.hamlets))"
        }
    }

    private static func religionKey(province: String, using rng: inout SeededGenerator) -> String {
        switch province {
        case "51":
            return rng.weighted([("hindu", 0.85), ("islam", 0.1), ("protestant", 0.05)])
        case "53":
            return rng.weighted([("catholic", 0.55), ("protestant", 0.35), ("islam", 0.1)])
        case "71", "91", "92", "94", "95", "96", "97":
            return rng.weighted([("protestant", 0.65), ("catholic", 0.15), ("islam", 0.2)])
        default:
            return rng.weighted([
                ("islam", 0.86), ("protestant", 0.06), ("catholic", 0.03), ("hindu", 0.01), ("buddhist", 0.02),
                ("confucian", 0.01), ("belief", 0.01),
            ])
        }
    }

    private static func maritalKey(age: Int, using rng: inout SeededGenerator) -> String {
        if age < 22 { return rng.weighted([("single", 0.9), ("married", 0.1)]) }
        if age < 30 { return rng.weighted([("single", 0.45), ("married", 0.5), ("divorced", 0.05)]) }
        if age < 60 {
            return rng.weighted([("single", 0.08), ("married", 0.8), ("divorced", 0.07), ("widowed", 0.05)])
        }
        return rng.weighted([("married", 0.65), ("divorced", 0.05), ("widowed", 0.3)])
    }

    private static func occupation(age: Int, isFemale: Bool, using rng: inout SeededGenerator) -> String {
        if rng.chance(0.12) {
            let older = IdentityLexicon.olderOccupations.filter { word in
                !(["PELAJAR", "MAHASISWA"].contains(word) && age > 30)
            }
            return rng.pick(older)
        }
        if age < 24, rng.chance(0.6) { return IdentityLexicon.student }
        if age >= 60, rng.chance(0.35) { return IdentityLexicon.retired }
        if isFemale, rng.chance(0.2) { return IdentityLexicon.household }
        return rng.weighted(IdentityLexicon.occupations)
    }

    /// A name with, now and then, a prefix, a degree or enough words to wrap onto a second line.
    private static func longName(
        isFemale: Bool, variants: inout [String], using rng: inout SeededGenerator
    ) -> String {
        var name = self.name(isFemale: isFemale, using: &rng)
        if rng.chance(0.12) { name = rng.pick(isFemale ? NameBank.femalePrefixes : NameBank.malePrefixes) + " " + name }
        if rng.chance(0.1) {
            name += " " + rng.pick(NameBank.longWords) + " " + rng.pick(NameBank.longWords)
            variants.append("long-name")
        }
        if rng.chance(0.05) { name += ", " + rng.pick(NameBank.degrees) }
        return name
    }

    /// An address of two parts, long enough to wrap on most layouts.
    private static func longAddress(using rng: inout SeededGenerator) -> String {
        let street = "JL. \(rng.pick(NameBank.streets)) \(rng.pick(["GG.", "LR."])) \(rng.pick(NameBank.streets))"
        let area = rng.pick(NameBank.areas) + " " + rng.pick(NameBank.hamlets + NameBank.estates)
        let number = "NO. \(rng.int(1...199))"
        return rng.chance(0.5) ? "\(street) \(number) \(area)" : "\(area) \(street) \(number)"
    }
}

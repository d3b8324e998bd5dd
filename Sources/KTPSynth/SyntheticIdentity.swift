import KTPContract
import KTPVision

/// A fictional person whose every printed value agrees: the NIK encodes the district, birth date
/// and gender that the card prints, and the region names come from the real region table.
public struct SyntheticIdentity: Sendable, Hashable {
    /// The seventeen values as the card prints them (and as the contract expects them back).
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

        var fields = KTPFields()
        fields[.nik] = nik(district: district, birthDate: birthDate, isFemale: isFemale, serial: serial)
        fields[.fullName] = name(isFemale: isFemale, using: &rng)
        fields[.placeOfBirth] = placeOfBirth(regions, province: province, regency: regency, using: &rng)
        fields[.dateOfBirth] = birthDate.printed
        fields[.gender] = isFemale ? Vocabulary.genders[1] : Vocabulary.genders[0]
        fields[.bloodType] = rng.chance(0.5) ? "-" : rng.pick(Vocabulary.bloodTypes.filter { $0 != "-" })
        fields[.address] = address(using: &rng)
        fields[.rtRw] = CalendarDate.threeDigits(rng.int(1...20)) + "/" + CalendarDate.threeDigits(rng.int(1...15))
        fields[.administrativeVillage] = regions.printedName(village) ?? ""
        fields[.district] = regions.printedName(district) ?? ""
        fields[.city] = regions.printedRegency(regency) ?? ""
        fields[.state] = regions.printedProvince(province) ?? ""
        fields[.religion] = religion(province: province, using: &rng)
        fields[.maritalStatus] = maritalStatus(age: age, using: &rng)
        fields[.occupation] = occupation(age: age, isFemale: isFemale, using: &rng)
        fields[.nationality] = rng.chance(0.98) ? "WNI" : "WNA"

        let earliestIssue = max(2011, birthDate.year + 17)
        var issueDate = CalendarDate.random(in: earliestIssue...max(earliestIssue, 2024), using: &rng)
        if earliestIssue <= 2015, rng.chance(0.15) {
            // Cards issued before 2016 printed a date five years on, at the holder's birthday.
            issueDate = CalendarDate.random(in: earliestIssue...2015, using: &rng)
            fields[.validUntil] = birthDate.inYear(issueDate.year + 5).printed
        } else {
            fields[.validUntil] = Vocabulary.lifetime
        }
        return SyntheticIdentity(
            fields: fields, birthDate: birthDate, isFemale: isFemale, provinceCode: province,
            regencyCode: regency, districtCode: district, villageCode: village, serial: serial,
            issuePlace: bareRegencyName(regions.printedRegency(regency) ?? ""), issueDate: issueDate
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

    private static func religion(province: String, using rng: inout SeededGenerator) -> String {
        let r = Vocabulary.religions
        switch province {
        case "51":
            return rng.weighted([(r[3], 0.85), (r[0], 0.1), (r[1], 0.05)])
        case "53":
            return rng.weighted([(r[2], 0.55), (r[1], 0.35), (r[0], 0.1)])
        case "71", "91", "92", "94", "95", "96", "97":
            return rng.weighted([(r[1], 0.65), (r[2], 0.15), (r[0], 0.2)])
        default:
            return rng.weighted([
                (r[0], 0.86), (r[1], 0.06), (r[2], 0.03), (r[3], 0.01), (r[4], 0.02),
                (r[5], 0.01), (r[6], 0.01),
            ])
        }
    }

    private static func maritalStatus(age: Int, using rng: inout SeededGenerator) -> String {
        let s = Vocabulary.maritalStatuses
        if age < 22 { return rng.weighted([(s[0], 0.9), (s[1], 0.1)]) }
        if age < 30 { return rng.weighted([(s[0], 0.45), (s[1], 0.5), (s[2], 0.05)]) }
        if age < 60 { return rng.weighted([(s[0], 0.08), (s[1], 0.8), (s[2], 0.07), (s[3], 0.05)]) }
        return rng.weighted([(s[1], 0.65), (s[2], 0.05), (s[3], 0.3)])
    }

    private static func occupation(age: Int, isFemale: Bool, using rng: inout SeededGenerator) -> String {
        if age < 24, rng.chance(0.6) { return "PELAJAR/MAHASISWA" }
        if age >= 60, rng.chance(0.35) { return "PENSIUNAN" }
        if isFemale, rng.chance(0.2) { return "MENGURUS RUMAH TANGGA" }
        if rng.chance(0.2) {
            // Any listed trade, but not an office a random person is unlikely to hold, nor a
            // life stage their age contradicts.
            let offices = ["PRESIDEN", "WAKIL", "ANGGOTA", "GUBERNUR", "BUPATI", "WALIKOTA", "DUTA BESAR"]
            let plausible = Vocabulary.occupations.filter { occupation in
                !offices.contains { occupation.hasPrefix($0) }
                    && !(occupation == "PENSIUNAN" && age < 50) && !(occupation == "PELAJAR/MAHASISWA" && age > 30)
            }
            return rng.pick(plausible)
        }
        return rng.weighted([
            ("KARYAWAN SWASTA", 0.3), ("WIRASWASTA", 0.25), ("PETANI/PEKEBUN", 0.12),
            ("BURUH HARIAN LEPAS", 0.1), ("PEDAGANG", 0.08), ("GURU", 0.05), ("PEGAWAI NEGERI SIPIL", 0.05),
            ("SOPIR", 0.03), ("NELAYAN/PERIKANAN", 0.02),
        ])
    }
}

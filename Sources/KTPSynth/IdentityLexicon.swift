/// The generator's own printed words for the closed fields, with the spellings and older free-text
/// forms real cards carry. Kept apart from the engine's vocabularies on purpose: identities drawn
/// from the reader's own lists would hide every word it does not know.
enum IdentityLexicon {
    static let male = "LAKI-LAKI"
    static let female = "PEREMPUAN"
    static let lifetime = "SEUMUR HIDUP"
    static let citizen = "WNI"
    static let foreigner = "WNA"

    /// Most cards print `-` (unknown); rhesus signs are rare.
    static let bloodTypes: [(String, Double)] = [
        ("-", 0.45), ("O", 0.17), ("A", 0.13), ("B", 0.14), ("AB", 0.05), ("O+", 0.02), ("A+", 0.01),
        ("B+", 0.015), ("AB+", 0.005),
    ]

    /// Religions as printed, with the older or local spellings (`BUDHA`, `KATHOLIK`) some cards show.
    static let religions: [String: [(String, Double)]] = [
        "islam": [("ISLAM", 1)],
        "protestant": [("KRISTEN", 0.93), ("KRISTEN PROTESTAN", 0.07)],
        "catholic": [("KATOLIK", 0.9), ("KATHOLIK", 0.1)],
        "hindu": [("HINDU", 1)],
        "buddhist": [("BUDDHA", 0.7), ("BUDHA", 0.3)],
        "confucian": [("KONGHUCU", 0.75), ("KHONGHUCU", 0.25)],
        "belief": [("KEPERCAYAAN TERHADAP TUHAN YME", 0.8), ("KEPERCAYAAN TERHADAP TUHAN YANG MAHA ESA", 0.2)],
    ]

    static let maritalStatuses: [String: [(String, Double)]] = [
        "single": [("BELUM KAWIN", 1)],
        "married": [("KAWIN", 0.92), ("KAWIN TERCATAT", 0.08)],
        "divorced": [("CERAI HIDUP", 1)],
        "widowed": [("CERAI MATI", 1)],
    ]

    /// The common occupations of the current list, by share.
    static let occupations: [(String, Double)] = [
        ("KARYAWAN SWASTA", 0.26), ("WIRASWASTA", 0.22), ("PETANI/PEKEBUN", 0.11), ("BURUH HARIAN LEPAS", 0.09),
        ("PEDAGANG", 0.07), ("GURU", 0.04), ("PEGAWAI NEGERI SIPIL", 0.04), ("SOPIR", 0.03),
        ("NELAYAN/PERIKANAN", 0.02), ("KARYAWAN HONORER", 0.02), ("PERDAGANGAN", 0.015), ("TUKANG BATU", 0.01),
        ("TUKANG KAYU", 0.008), ("PERAWAT", 0.008), ("BIDAN", 0.005), ("DOSEN", 0.005), ("MEKANIK", 0.008),
        ("KARYAWAN BUMN", 0.01), ("TUKANG JAHIT", 0.006), ("BURUH TANI/PERKEBUNAN", 0.01), ("PETERNAK", 0.006),
        ("KEPOLISIAN RI", 0.006), ("TENTARA NASIONAL INDONESIA", 0.006), ("PERANGKAT DESA", 0.005),
        ("BELUM/TIDAK BEKERJA", 0.03),
    ]

    /// Free-text occupations of older cards and local offices, outside the current list.
    static let olderOccupations = [
        "SWASTA", "PNS", "IBU RUMAH TANGGA", "PELAJAR", "MAHASISWA", "BELUM BEKERJA", "TNI", "POLRI", "BURUH",
        "DAGANG", "TANI", "KARYAWAN", "HONORER", "OJEK", "TIDAK BEKERJA", "PEDAGANG KELILING", "BURUH PABRIK",
    ]

    /// Life stages and households, chosen by age and gender before any trade.
    static let student = "PELAJAR/MAHASISWA"
    static let retired = "PENSIUNAN"
    static let household = "MENGURUS RUMAH TANGGA"

    /// `KARYAWAN SWASTA` → `Karyawan Swasta`, `LAKI-LAKI` → `Laki-laki`: how mixed-case cards print values.
    static func mixedCase(_ text: String) -> String {
        var result = ""
        var startOfWord = true
        for character in text {
            result.append(startOfWord ? Character(character.uppercased()) : Character(character.lowercased()))
            startOfWord = character == " " || character == "/" || character == "("
        }
        return result
    }
}

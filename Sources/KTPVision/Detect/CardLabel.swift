/// The printed labels of an e-KTP's body, in the order they appear, with the slot each one feeds.
public enum CardLabel: String, Sendable, Hashable, CaseIterable {
    case nik = "NIK"
    case name = "NAMA"
    case birth = "TEMPAT/TGL LAHIR"
    case gender = "JENIS KELAMIN"
    case address = "ALAMAT"
    case rtRw = "RT/RW"
    case village = "KEL/DESA"
    case district = "KECAMATAN"
    case religion = "AGAMA"
    case maritalStatus = "STATUS PERKAWINAN"
    case occupation = "PEKERJAAN"
    case nationality = "KEWARGANEGARAAN"
    case validUntil = "BERLAKU HINGGA"

    public var slot: RawSlot {
        switch self {
        case .nik: .nik
        case .name: .name
        case .birth: .birth
        case .gender: .genderAndBlood
        case .address: .address
        case .rtRw: .rtRw
        case .village: .village
        case .district: .district
        case .religion: .religion
        case .maritalStatus: .maritalStatus
        case .occupation: .occupation
        case .nationality: .nationality
        case .validUntil: .validUntil
        }
    }

    /// How many words the label prints as.
    var wordCount: Int { rawValue.split(separator: " ").count }

    /// The label's letters only: what OCR noise is compared against.
    var letters: String { FuzzyMatcher.letters(rawValue) }

    /// Labels that only a KTP prints, as opposed to those a driving licence or student card shares.
    var isDistinctive: Bool {
        switch self {
        case .nik, .rtRw, .village, .district, .maritalStatus, .nationality, .validUntil, .gender: true
        case .name, .birth, .address, .religion, .occupation: false
        }
    }
}

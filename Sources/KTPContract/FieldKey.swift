/// The seventeen card fields of the contract, in card order, keyed by their wire names.
public enum FieldKey: String, CaseIterable, Sendable, Codable, Hashable, CodingKeyRepresentable {
    case nik
    case fullName = "full_name"
    case placeOfBirth = "place_of_birth"
    case dateOfBirth = "date_of_birth"
    case gender
    case bloodType = "blood_type"
    case address
    case rtRw = "rt_rw"
    case administrativeVillage = "administrative_village"
    case district
    case city
    case state
    case religion
    case maritalStatus = "marital_status"
    case occupation
    case nationality
    case validUntil = "valid_until"

    /// The label printed on the card next to this field.
    public var cardLabel: String {
        switch self {
        case .nik: "NIK"
        case .fullName: "Nama"
        case .placeOfBirth: "Tempat Lahir"
        case .dateOfBirth: "Tgl Lahir"
        case .gender: "Jenis Kelamin"
        case .bloodType: "Gol. Darah"
        case .address: "Alamat"
        case .rtRw: "RT/RW"
        case .administrativeVillage: "Kel/Desa"
        case .district: "Kecamatan"
        case .city: "Kabupaten/Kota"
        case .state: "Provinsi"
        case .religion: "Agama"
        case .maritalStatus: "Status Perkawinan"
        case .occupation: "Pekerjaan"
        case .nationality: "Kewarganegaraan"
        case .validUntil: "Berlaku Hingga"
        }
    }

    /// Whether the value is personal data that logs and screens mask by default.
    public var isPersonal: Bool {
        switch self {
        case .nik, .fullName, .address, .dateOfBirth, .placeOfBirth: true
        default: false
        }
    }
}

import KTPContract

/// One printed label row under the NIK, in card order, with the label spellings real cards use.
struct CardRow: Sendable {
    enum Content: Sendable {
        case value(FieldKey)
        /// `place, date`: two fields on one line.
        case birth
        /// The gender, with `Gol. Darah : X` further right on the same line.
        case genderAndBlood
    }

    let content: Content
    /// The common spelling first; others are printed on some cards.
    let labels: [String]
    /// RT/RW, Kel/Desa and Kecamatan are indented under Alamat.
    var indented = false
    /// Long names and addresses go on to a second line.
    var wraps = false

    static let standard: [CardRow] = [
        CardRow(content: .value(.fullName), labels: ["Nama"], wraps: true),
        CardRow(content: .birth, labels: ["Tempat/Tgl Lahir", "Tempat/Tgl. Lahir"]),
        CardRow(content: .genderAndBlood, labels: ["Jenis Kelamin", "Jenis kelamin"]),
        CardRow(content: .value(.address), labels: ["Alamat"], wraps: true),
        CardRow(content: .value(.rtRw), labels: ["RT/RW"], indented: true),
        CardRow(content: .value(.administrativeVillage), labels: ["Kel/Desa"], indented: true),
        CardRow(content: .value(.district), labels: ["Kecamatan"], indented: true),
        CardRow(content: .value(.religion), labels: ["Agama"]),
        CardRow(content: .value(.maritalStatus), labels: ["Status Perkawinan"]),
        CardRow(content: .value(.occupation), labels: ["Pekerjaan"]),
        CardRow(content: .value(.nationality), labels: ["Kewarganegaraan"]),
        CardRow(content: .value(.validUntil), labels: ["Berlaku Hingga"]),
    ]

    /// The blood type's label, and the spelling without the stop.
    static let bloodLabels = ["Gol. Darah", "Gol Darah"]
}

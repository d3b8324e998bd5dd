import KTPContract

/// The four levels of the Kemendagri table, as the card prints them.
enum RegionLevel: Sendable, CaseIterable {
    case province, regency, district, village

    /// The field this level fills.
    var key: FieldKey {
        switch self {
        case .province: .state
        case .regency: .city
        case .district: .district
        case .village: .administrativeVillage
        }
    }

    /// Label words OCR may leave in front of a value.
    var labels: [String] {
        switch self {
        case .province: ["PROVINSI", "PROPINSI"]
        case .regency: ["KABUPATEN/KOTA"]
        case .district: ["KECAMATAN"]
        case .village: ["KEL/DESA", "KELURAHAN/DESA"]
        }
    }

    /// The name as the card prints it at this level.
    func printed(_ code: String, in table: RegionTable) -> String? {
        switch self {
        case .province: table.printedProvince(code)
        case .regency: table.printedRegency(code)
        case .district, .village: table.printedName(code)
        }
    }

    /// The reading without the label words OCR left in front of it; a province also loses the `PROVINSI` its
    /// heading line starts with, read fuzzily.
    func unlabelled(_ text: String) -> String {
        let value = OCRConfusion.lettersInWords(TextCleaner.removeLabel(text, labels: labels))
        guard self == .province, let first = value.split(separator: " ").first,
            FuzzyMatcher.best(String(first), in: labels)!.similarity >= 0.7
        else { return value }
        return TextCleaner.clean(String(value.dropFirst(first.count)))
    }
}

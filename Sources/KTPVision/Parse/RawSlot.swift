import KTPContract

/// The places on a card that the reader extracts text from, before parsing splits them into fields.
///
/// Some printed lines carry two fields (`Tempat/Tgl Lahir`, `Jenis Kelamin … Gol. Darah`),
/// so the reader hands over lines, and ``FieldNormalizer`` splits and cleans them.
public enum RawSlot: String, Sendable, Hashable, CaseIterable {
    /// The first header line, `PROVINSI …`.
    case provinceHeader
    /// The second header line, `KABUPATEN …`, `KOTA …` or a Jakarta city.
    case cityHeader
    /// The NIK value as the general OCR pass read it.
    case nik
    /// The NIK value from a digits-only pass over its box.
    case nikDigits
    /// A third NIK reading, digits-only from another view, taken when the first two disagree.
    case nikTieBreak
    case name
    /// `Tempat/Tgl Lahir`: place, a comma, then the date.
    case birth
    /// `Jenis Kelamin`, then on the same line `Gol. Darah`.
    case genderAndBlood
    /// The rhesus sign after the blood group, `+` or `-`, told from the printed mark's shape.
    case bloodSign
    case address
    case rtRw
    /// The RT/RW value from a pass that reads only digits and the slash.
    case rtRwDigits
    case village
    case district
    case religion
    case maritalStatus
    case occupation
    case nationality
    case validUntil
}

/// The text read at one slot, with the OCR's confidence in [0, 1].
public struct RawValue: Sendable, Hashable {
    public var text: String
    public var confidence: Double

    public init(text: String, confidence: Double) {
        self.text = text
        self.confidence = confidence
    }
}

/// Everything the reader got from one card, keyed by slot. Missing slots were not found.
public typealias RawCard = [RawSlot: RawValue]

/// The parsed, validated and normalised card.
public struct NormalizedCard: Sendable, Hashable {
    public var fields: KTPFields
    /// A value in [0, 1] for every field key.
    public var confidence: [FieldKey: Double]
    /// Disagreements found while cross-checking, such as the NIK region against the address.
    public var warnings: [ValidationWarning]

    public init(fields: KTPFields, confidence: [FieldKey: Double], warnings: [ValidationWarning]) {
        self.fields = fields
        self.confidence = confidence
        self.warnings = warnings
    }
}

/// A cross-check that did not agree. Warnings never overwrite a confident reading.
public struct ValidationWarning: Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        case nikRegionUnknown
        case nikRegionMismatchesAddress
        case nikBirthDateMismatch
        case nikGenderMismatch
        case invalidDate
    }

    public var code: Code
    public var detail: String

    public init(_ code: Code, _ detail: String) {
        self.code = code
        self.detail = detail
    }

    public var description: String { "\(code.rawValue): \(detail)" }
}

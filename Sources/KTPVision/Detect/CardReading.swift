/// What the layout step found on one card: raw text per slot, where each value is, and the
/// evidence that decides whether this is a KTP at all.
public struct CardReading: Sendable, Hashable {
    public var raw: RawCard
    /// Where each slot's value was printed, widened to take in words the sparse pass missed,
    /// for a second, single-line pass.
    public var valueBoxes: [RawSlot: PixelRect]
    /// The NIK value's box, for the digits-only pass.
    public var nikBox: PixelRect? { valueBoxes[.nik] }
    /// How well each label found on the card read, in [0, 1].
    public var labelScores: [CardLabel: Double]
    /// Whether the first header line reads `PROVINSI`.
    public var hasProvinceHeader: Bool

    public init(
        raw: RawCard, valueBoxes: [RawSlot: PixelRect], labelScores: [CardLabel: Double], hasProvinceHeader: Bool
    ) {
        self.raw = raw
        self.valueBoxes = valueBoxes
        self.labelScores = labelScores
        self.hasProvinceHeader = hasProvinceHeader
    }

    /// What this reading shows of a KTP, for ``DetectionModel``.
    public var evidence: CardEvidence {
        let seen = labelScores.filter { $0.value >= CardEvidence.seenLabel }.keys
        return CardEvidence(
            provinceHeader: hasProvinceHeader, regencyHeader: hasRegencyHeader, nikLabel: labelScores[.nik] ?? 0,
            nikDigits: min(16, nikDigits), validNIK: hasValidNIK, distinctiveLabels: seen.filter(\.isDistinctive).count,
            sharedLabels: seen.filter { !$0.isDistinctive }.count)
    }

    /// The line under the province header names a regency or a city, as on every KTP.
    private var hasRegencyHeader: Bool {
        guard hasProvinceHeader, let first = raw[.cityHeader]?.text.split(separator: " ").first else { return false }
        return RegionSnapper.isKindWord(first)
    }

    /// The most digits either NIK pass read.
    private var nikDigits: Int {
        [raw[.nik], raw[.nikDigits]].map { ($0?.text ?? "").filter(\.isASCIIDigit).count }.max() ?? 0
    }

    /// The digits of a NIK slot, or one of its words, form a valid NIK: specks beside the number are
    /// read as digits of their own.
    private var hasValidNIK: Bool {
        [raw[.nik], raw[.nikDigits]].contains { value in
            guard let text = value?.text else { return false }
            return NIK(String(text.filter(\.isASCIIDigit))) != nil
                || text.split(separator: " ").contains { NIK($0) != nil }
        }
    }
}

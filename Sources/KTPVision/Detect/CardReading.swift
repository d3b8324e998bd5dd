/// What the layout step found on one card: raw text per slot, where the NIK is, and the
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

    /// A label read at or above this similarity counts as seen.
    static let seenLabel = 0.7

    /// The weight of the evidence: two points each for the province header, the NIK label and a
    /// NIK-length number, plus each label's similarity. A clean card scores about 19.
    public var evidence: Double {
        let anchors = [hasProvinceHeader, (labelScores[.nik] ?? 0) >= Self.seenLabel, nikDigitCount >= 14]
        return Double(anchors.filter { $0 }.count) * 2 + labelScores.values.reduce(0, +)
    }

    /// A KTP shows its province header or NIK label, labels that no other card prints, and
    /// enough evidence overall. One keyword is never enough: a driving licence also prints
    /// `Nama` and `Alamat`, and a student card prints `NIM`. When a photo is too soft for the
    /// small labels, the large print still decides it: a `PROVINSI` header over a valid NIK is a
    /// KTP and nothing else when the `NIK` label, the `KABUPATEN`/`KOTA` line under the header, or
    /// two other labels only a KTP prints stand beside it. Glare on a soft photo may take a few of
    /// the NIK's digits; twelve still make it a KTP's number under both header lines, or under the
    /// `PROVINSI` line beside its `NIK` label and two more labels only a KTP prints. A frame that
    /// cut off the header and the `NIK` label still shows a valid NIK beside four labels only a KTP
    /// prints.
    public var isKTP: Bool {
        let nikLabel = (labelScores[.nik] ?? 0) >= Self.seenLabel
        let distinctive = labelScores.filter { $0.key.isDistinctive && $0.value >= 0.5 }.count
        if hasProvinceHeader, hasValidNIK, nikLabel || hasRegencyHeader || distinctive >= 2 { return true }
        if hasProvinceHeader, hasRegencyHeader || nikLabel && distinctive >= 3, mostNIKDigits >= Self.partialNIKDigits {
            return true
        }
        if hasValidNIK, distinctive >= 4 { return true }
        return (hasProvinceHeader || nikLabel) && distinctive >= 3 && evidence >= 10
    }

    /// The line under the province header names a regency or a city, as on every KTP.
    private var hasRegencyHeader: Bool {
        guard hasProvinceHeader, let first = raw[.cityHeader]?.text.split(separator: " ").first else { return false }
        return RegionSnapper.isKindWord(first)
    }

    /// Of two readings of one photo, the one recognised as a KTP, else the one with more evidence.
    public static func preferred(_ a: CardReading, _ b: CardReading) -> CardReading {
        a.isKTP != b.isKTP ? (a.isKTP ? a : b) : (a.evidence >= b.evidence ? a : b)
    }

    private var nikDigitCount: Int {
        (raw[.nik]?.text ?? "").filter(\.isASCIIDigit).count
    }

    /// The most digits either NIK pass read.
    private var mostNIKDigits: Int {
        max(nikDigitCount, (raw[.nikDigits]?.text ?? "").filter(\.isASCIIDigit).count)
    }

    /// The NIK digits that, with the headers, identify a KTP whose number lost a few to glare.
    static let partialNIKDigits = 12

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

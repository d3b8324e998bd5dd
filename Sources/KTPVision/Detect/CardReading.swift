/// What the layout step found on one card: raw text per slot, where the NIK is, and the
/// evidence that decides whether this is a KTP at all.
public struct CardReading: Sendable, Hashable {
    public var raw: RawCard
    /// The NIK value's box, for the digits-only pass.
    public var nikBox: PixelRect?
    /// Labels matched confidently, by label.
    public var matchedLabels: Set<CardLabel>
    /// Whether the first header line reads `PROVINSI`.
    public var hasProvinceHeader: Bool

    public init(raw: RawCard, nikBox: PixelRect?, matchedLabels: Set<CardLabel>, hasProvinceHeader: Bool) {
        self.raw = raw
        self.nikBox = nikBox
        self.matchedLabels = matchedLabels
        self.hasProvinceHeader = hasProvinceHeader
    }

    /// A KTP shows its province header or NIK label, and several labels no other card prints.
    /// One keyword is never enough: a driving licence also prints `Nama` and `Alamat`.
    public var isKTP: Bool {
        let distinctive = matchedLabels.filter(\.isDistinctive).count
        let anchored = hasProvinceHeader || matchedLabels.contains(.nik)
        return anchored && distinctive >= 3 && matchedLabels.count >= 6
    }
}

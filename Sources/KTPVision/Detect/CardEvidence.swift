/// What a reading of a photo shows of a KTP, as the numbers the detection score weighs.
///
/// Each feature is something every KTP prints and other cards print differently: the
/// `PROVINSI` header over a `KABUPATEN`/`KOTA` line, the `NIK` label, a sixteen-digit number
/// that is a valid NIK, and the labels only a KTP prints. None depends on where or in what face
/// they are printed.
public struct CardEvidence: Sendable, Hashable, Codable {
    /// The first header line reads `PROVINSI`.
    public var provinceHeader: Bool
    /// The line under it starts with `KABUPATEN` or `KOTA`.
    public var regencyHeader: Bool
    /// How well the `NIK` label read, in [0, 1].
    public var nikLabel: Double
    /// The most digits either NIK pass read, at most 16.
    public var nikDigits: Int
    /// The NIK slot, or one word of it, is a structurally valid NIK.
    public var validNIK: Bool
    /// Labels only a KTP prints (``CardLabel/isDistinctive``) read at ``seenLabel`` or better.
    public var distinctiveLabels: Int
    /// Labels other cards print too (`Nama`, `Alamat`, …) read at ``seenLabel`` or better.
    public var sharedLabels: Int

    public init(
        provinceHeader: Bool = false, regencyHeader: Bool = false, nikLabel: Double = 0, nikDigits: Int = 0,
        validNIK: Bool = false, distinctiveLabels: Int = 0, sharedLabels: Int = 0
    ) {
        self.provinceHeader = provinceHeader
        self.regencyHeader = regencyHeader
        self.nikLabel = nikLabel
        self.nikDigits = nikDigits
        self.validNIK = validNIK
        self.distinctiveLabels = distinctiveLabels
        self.sharedLabels = sharedLabels
    }

    /// A label read at or above this similarity counts as seen.
    public static let seenLabel = 0.5

    static let distinctiveLabelCount = CardLabel.allCases.filter(\.isDistinctive).count

    /// The names of ``features``, in their order.
    public static let featureNames = [
        "province header", "regency header", "NIK label", "NIK digits", "valid NIK", "KTP-only labels",
        "shared labels",
    ]

    /// Each feature scaled to [0, 1], in the order of ``featureNames``.
    public var features: [Double] {
        let (distinctive, shared) = (Self.distinctiveLabelCount, CardLabel.allCases.count - Self.distinctiveLabelCount)
        return [
            provinceHeader ? 1 : 0, regencyHeader ? 1 : 0, min(max(nikLabel, 0), 1), Double(min(nikDigits, 16)) / 16,
            validNIK ? 1 : 0, Double(distinctiveLabels) / Double(distinctive), Double(sharedLabels) / Double(shared),
        ]
    }
}

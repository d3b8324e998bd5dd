import KTPContract

/// One line of `truth.jsonl`: what a photo shows and how it was degraded, so the engine can be
/// scored against it. The card fields sit at the top level under their contract names.
///
/// Only `file`, `is_ktp` and the field keys are required, so that anyone's labelled photos can be scored;
/// `image_quality` and `condition` are read when present, and the generator's own keys are optional.
public struct GroundTruth: Sendable, Hashable, Codable {
    /// File name relative to the data set directory.
    public var file: String
    public var isKTP: Bool
    /// The printed values; `nil` for negatives, which then carry no field keys.
    public var fields: KTPFields?
    /// The flags as applied, in the contract's form; `nil` where the truth does not say.
    public var imageQuality: ImageQuality?
    /// `clean`, `B`, `BD`, … for KTPs; `negative:<kind>` for negatives. Without the key, the code of
    /// `image_quality`, else `unlabelled` (or `negative`).
    public var condition: String
    /// Fields whose text lies mostly under the glare's saturated core; empty unless F.
    public var washedOut: [FieldKey]
    public var width: Int?
    public var height: Int?
    /// The document's corners in the photo (TL, TR, BR, BL); absent for a whole-frame photo.
    public var quad: [[Double]]?
    /// The share of the frame the document covers.
    public var coverage: Double?

    // Optional keys: how the photo was made, for slicing results by variant. Readers may ignore them.
    /// The face of the card's values, and of its NIK (`ocr-a` or a face).
    public var font: CardFace?
    public var nikFont: String?
    public var layout: LayoutVariant?
    public var blurKind: BlurKind?
    public var capture: CaptureKind?
    /// Clockwise quarter or half turn of the photo in degrees, beyond the small tilt.
    public var turn: Int?
    /// The printed variants the card shows: `mixed-case`, `lowercase-label`, `wrapped-address`, ….
    public var printedVariants: [String]?

    public init(
        file: String, isKTP: Bool, fields: KTPFields?, imageQuality: ImageQuality?, condition: String,
        washedOut: [FieldKey], width: Int?, height: Int?, quad: [[Double]]?, coverage: Double?
    ) {
        self.file = file
        self.isKTP = isKTP
        self.fields = fields
        self.imageQuality = imageQuality
        self.condition = condition
        self.washedOut = washedOut
        self.width = width
        self.height = height
        self.quad = quad
        self.coverage = coverage
    }

    enum CodingKeys: String, CodingKey {
        case file
        case isKTP = "is_ktp"
        case imageQuality = "image_quality"
        case condition
        case washedOut = "washed_out"
        case width
        case height
        case quad
        case coverage
        case font
        case nikFont = "nik_font"
        case layout
        case blurKind = "blur_kind"
        case capture
        case turn
        case printedVariants = "printed_variants"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        file = try container.decode(String.self, forKey: .file)
        isKTP = try container.decode(Bool.self, forKey: .isKTP)
        imageQuality = try container.decodeIfPresent(ImageQuality.self, forKey: .imageQuality)
        let labelled = imageQuality.map { PhotoCondition(quality: $0).code } ?? "unlabelled"
        condition = try container.decodeIfPresent(String.self, forKey: .condition) ?? (isKTP ? labelled : "negative")
        washedOut = try container.decodeIfPresent([FieldKey].self, forKey: .washedOut) ?? []
        width = try container.decodeIfPresent(Int.self, forKey: .width)
        height = try container.decodeIfPresent(Int.self, forKey: .height)
        quad = try container.decodeIfPresent([[Double]].self, forKey: .quad)
        coverage = try container.decodeIfPresent(Double.self, forKey: .coverage)
        font = try container.decodeIfPresent(CardFace.self, forKey: .font)
        nikFont = try container.decodeIfPresent(String.self, forKey: .nikFont)
        layout = try container.decodeIfPresent(LayoutVariant.self, forKey: .layout)
        blurKind = try container.decodeIfPresent(BlurKind.self, forKey: .blurKind)
        capture = try container.decodeIfPresent(CaptureKind.self, forKey: .capture)
        turn = try container.decodeIfPresent(Int.self, forKey: .turn)
        printedVariants = try container.decodeIfPresent([String].self, forKey: .printedVariants)
        let fieldKeys = try decoder.container(keyedBy: FieldKey.self)
        fields = fieldKeys.allKeys.isEmpty ? nil : try KTPFields(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(isKTP, forKey: .isKTP)
        try fields?.encode(to: encoder)
        try container.encodeIfPresent(imageQuality, forKey: .imageQuality)
        try container.encode(condition, forKey: .condition)
        try container.encode(washedOut, forKey: .washedOut)
        try container.encodeIfPresent(width, forKey: .width)
        try container.encodeIfPresent(height, forKey: .height)
        try container.encodeIfPresent(quad, forKey: .quad)
        try container.encodeIfPresent(coverage, forKey: .coverage)
        try container.encodeIfPresent(font, forKey: .font)
        try container.encodeIfPresent(nikFont, forKey: .nikFont)
        try container.encodeIfPresent(layout, forKey: .layout)
        try container.encodeIfPresent(blurKind, forKey: .blurKind)
        try container.encodeIfPresent(capture, forKey: .capture)
        try container.encodeIfPresent(turn, forKey: .turn)
        try container.encodeIfPresent(printedVariants, forKey: .printedVariants)
    }
}

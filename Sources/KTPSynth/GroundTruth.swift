import KTPContract

/// One line of `truth.jsonl`: what a photo shows and how it was degraded, so the engine can be
/// scored against it. The card fields sit at the top level under their contract names.
public struct GroundTruth: Sendable, Hashable, Codable {
    /// File name relative to the data set directory.
    public var file: String
    public var isKTP: Bool
    /// The printed values; `nil` for negatives, which then carry no field keys.
    public var fields: KTPFields?
    /// The flags as applied, in the contract's form.
    public var imageQuality: ImageQuality
    /// `clean`, `B`, `BD`, … for KTPs; `negative:<kind>` for negatives.
    public var condition: String
    /// Fields whose text lies mostly under the glare's saturated core; empty unless F.
    public var washedOut: [FieldKey]
    public var width: Int
    public var height: Int
    /// The document's corners in the photo (TL, TR, BR, BL); absent for a whole-frame photo.
    public var quad: [[Double]]?
    /// The share of the frame the document covers.
    public var coverage: Double

    public init(
        file: String, isKTP: Bool, fields: KTPFields?, imageQuality: ImageQuality, condition: String,
        washedOut: [FieldKey], width: Int, height: Int, quad: [[Double]]?, coverage: Double
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
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        file = try container.decode(String.self, forKey: .file)
        isKTP = try container.decode(Bool.self, forKey: .isKTP)
        imageQuality = try container.decode(ImageQuality.self, forKey: .imageQuality)
        condition = try container.decode(String.self, forKey: .condition)
        washedOut = try container.decode([FieldKey].self, forKey: .washedOut)
        width = try container.decode(Int.self, forKey: .width)
        height = try container.decode(Int.self, forKey: .height)
        quad = try container.decodeIfPresent([[Double]].self, forKey: .quad)
        coverage = try container.decode(Double.self, forKey: .coverage)
        let fieldKeys = try decoder.container(keyedBy: FieldKey.self)
        fields = fieldKeys.allKeys.isEmpty ? nil : try KTPFields(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(isKTP, forKey: .isKTP)
        try fields?.encode(to: encoder)
        try container.encode(imageQuality, forKey: .imageQuality)
        try container.encode(condition, forKey: .condition)
        try container.encode(washedOut, forKey: .washedOut)
        try container.encode(width, forKey: .width)
        try container.encode(height, forKey: .height)
        try container.encodeIfPresent(quad, forKey: .quad)
        try container.encode(coverage, forKey: .coverage)
    }
}

/// The contract's submit options besides the image.
public struct SubmitOptions: Sendable, Hashable, Codable {
    /// The caller's id; the SDK generates one when it is `nil`.
    public var referenceID: String?
    /// An absolute `https://` URL that receives the result.
    public var callbackURL: String?
    /// Include `image_quality` in the result.
    public var isQuality: Bool
    /// Fail the extraction with `FAIL_ON_1` on a quality failure; needs `isQuality`.
    public var validateQuality: Bool

    public init(
        referenceID: String? = nil, callbackURL: String? = nil, isQuality: Bool = true, validateQuality: Bool = false
    ) {
        self.referenceID = referenceID
        self.callbackURL = callbackURL
        self.isQuality = isQuality
        self.validateQuality = validateQuality
    }

    /// Absent keys take the contract's defaults, as the server does.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        referenceID = try container.decodeIfPresent(String.self, forKey: .referenceID)
        callbackURL = try container.decodeIfPresent(String.self, forKey: .callbackURL)
        isQuality = try container.decodeIfPresent(Bool.self, forKey: .isQuality) ?? true
        validateQuality = try container.decodeIfPresent(Bool.self, forKey: .validateQuality) ?? false
    }

    enum CodingKeys: String, CodingKey {
        case referenceID = "reference_id"
        case callbackURL = "callback_url"
        case isQuality = "is_quality"
        case validateQuality = "validate_quality"
    }
}

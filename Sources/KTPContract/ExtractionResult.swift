import Foundation

/// The `data` object of the result endpoint and of the callback.
public struct ExtractionResult: Sendable, Hashable, Codable {
    public var referenceID: String
    public var status: ExtractionStatus
    /// Set only on `SUCCESS`.
    public var fields: KTPFields?
    /// Set only when the submission asked for `is_quality`.
    public var imageQuality: ImageQuality?
    /// A value in [0, 1] for every field key, set only on `SUCCESS` (ours).
    public var confidence: [FieldKey: Double]?
    public var submittedAt: Date?
    public var completedAt: Date?

    public init(
        referenceID: String, status: ExtractionStatus, fields: KTPFields? = nil,
        imageQuality: ImageQuality? = nil, confidence: [FieldKey: Double]? = nil,
        submittedAt: Date? = nil, completedAt: Date? = nil
    ) {
        self.referenceID = referenceID
        self.status = status
        self.fields = fields
        self.imageQuality = imageQuality
        self.confidence = confidence
        self.submittedAt = submittedAt
        self.completedAt = completedAt
    }

    enum CodingKeys: String, CodingKey {
        case referenceID = "reference_id"
        case status
        case imageQuality = "image_quality"
        case confidence
        case submittedAt = "submitted_at"
        case completedAt = "completed_at"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        referenceID = try container.decode(String.self, forKey: .referenceID)
        status = try container.decode(ExtractionStatus.self, forKey: .status)
        imageQuality = try container.decodeIfPresent(ImageQuality.self, forKey: .imageQuality)
        confidence = try container.decodeIfPresent([FieldKey: Double].self, forKey: .confidence)
        // Timestamps are ours, not Verihubs': another server's format must not make the whole result unreadable.
        submittedAt = try? container.decodeIfPresent(Date.self, forKey: .submittedAt)
        completedAt = try? container.decodeIfPresent(Date.self, forKey: .completedAt)
        let fieldKeys = try decoder.container(keyedBy: FieldKey.self)
        fields = fieldKeys.allKeys.isEmpty ? nil : try KTPFields(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(referenceID, forKey: .referenceID)
        try container.encode(status, forKey: .status)
        try fields?.encode(to: encoder)
        try container.encodeIfPresent(imageQuality, forKey: .imageQuality)
        try container.encodeIfPresent(confidence, forKey: .confidence)
        try container.encodeIfPresent(submittedAt, forKey: .submittedAt)
        try container.encodeIfPresent(completedAt, forKey: .completedAt)
    }
}

import Foundation

/// What a list needs of a submission, without its result body: small enough to hold 100,000 in memory.
public struct SubmissionSummary: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var referenceID: String
    public var state: SubmissionState
    public var errorCode: ErrorCode?
    public var submittedAt: Date
    public var completedAt: Date?
    /// How long the service took, by the result's own timestamps (``Submission/processingTime``).
    public var processingTime: TimeInterval?
    /// Personal data, unmasked: mask it before showing it (``Masking``).
    public var nik: String?
    public var fullName: String?
    public var quality: ImageQuality?
    public var reprocessOf: String?
    public var revision: Int64

    public init(
        id: Int64, referenceID: String, state: SubmissionState, errorCode: ErrorCode? = nil, submittedAt: Date,
        completedAt: Date? = nil, processingTime: TimeInterval? = nil, nik: String? = nil, fullName: String? = nil,
        quality: ImageQuality? = nil, reprocessOf: String? = nil, revision: Int64 = 0
    ) {
        self.id = id
        self.referenceID = referenceID
        self.state = state
        self.errorCode = errorCode
        self.submittedAt = submittedAt
        self.completedAt = completedAt
        self.processingTime = processingTime
        self.nik = nik
        self.fullName = fullName
        self.quality = quality
        self.reprocessOf = reprocessOf
        self.revision = revision
    }
}

extension Submission {
    public var summary: SubmissionSummary {
        SubmissionSummary(
            id: id, referenceID: referenceID, state: state, errorCode: errorCode, submittedAt: submittedAt,
            completedAt: completedAt, processingTime: processingTime, nik: result?.data.fields?[.nik],
            fullName: result?.data.fields?[.fullName], quality: quality, reprocessOf: reprocessOf, revision: revision)
    }
}

import Foundation

/// One submission as the ledger keeps it.
public struct Submission: Sendable, Hashable, Identifiable {
    public var id: Int64
    /// The API base URL it was sent to.
    public var api: String
    public var appID: String
    public var referenceID: String
    /// The SHA-256 of the photo's bytes, hex; `nil` for a photo given as a URL.
    public var photoSHA256: String?
    /// The photo's URL, or its sandbox code, when it was not given as bytes.
    public var photoURL: String?
    public var options: SubmitOptions
    public var state: SubmissionState
    public var errorCode: ErrorCode?
    public var errorMessage: String?
    /// The last result read, by poll or callback.
    public var result: ResultBody?
    public var submittedAt: Date
    public var updatedAt: Date
    public var completedAt: Date?
    /// The submission this one reprocesses.
    public var reprocessOf: String?
    /// Grows with every change, across processes: what a watcher has seen.
    public var revision: Int64
    public var nextPollAt: Date?
    public var pollCount: Int

    /// The quality flags of the last result, when it had them.
    public var quality: ImageQuality? { result?.data.imageQuality }

    /// How long the service took: the result's own `completed_at − submitted_at`, once it ended. Never the
    /// ledger's times, which say when this side sent and noticed, nor a mix of the two clocks; `nil` when the
    /// result does not carry both.
    public var processingTime: TimeInterval? {
        guard let data = result?.data, data.status.isTerminal, let submitted = data.submittedAt,
            let completed = data.completedAt
        else { return nil }
        return completed.timeIntervalSince(submitted)
    }
}

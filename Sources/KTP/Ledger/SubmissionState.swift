/// Where a submission stands in the ledger.
public enum SubmissionState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Sent or accepted, with no final result yet.
    case pending
    /// Ended `SUCCESS`.
    case complete
    /// Ended `FAILED`, or refused at submit.
    case failed

    public var isTerminal: Bool { self != .pending }

    init(_ status: ExtractionStatus) {
        switch status {
        case .processing: self = .pending
        case .success: self = .complete
        case .failed: self = .failed
        }
    }
}

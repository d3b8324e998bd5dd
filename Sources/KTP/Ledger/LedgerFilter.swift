/// Which submissions to list. Every set criterion must hold.
public struct LedgerFilter: Sendable, Hashable {
    public var state: SubmissionState?
    public var errorCode: ErrorCode?
    /// Matched, case-insensitively, against the reference_id, the NIK, the name and the error code.
    public var text: String?
    public var limit: Int?

    public init(state: SubmissionState? = nil, errorCode: ErrorCode? = nil, text: String? = nil, limit: Int? = nil) {
        self.state = state
        self.errorCode = errorCode
        self.text = text
        self.limit = limit
    }
}

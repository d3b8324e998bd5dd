/// Why a call to a contract server failed: one code per contract error code, plus the transport's own.
public struct KTPError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: Sendable, Hashable, CustomStringConvertible {
        /// The server answered with this contract error code.
        case contract(ErrorCode)
        /// No answer within the configured time.
        case timeout
        /// The connection failed or dropped.
        case connection
        /// The answer was not a contract body (a proxy's HTML page, an unknown error code...).
        case decoding
        /// The photo to submit could not be read.
        case photoUnreadable
        /// The call was cancelled.
        case cancelled

        public var description: String {
            switch self {
            case .contract(let code): code.rawValue
            case .timeout: "TIMEOUT"
            case .connection: "CONNECTION"
            case .decoding: "DECODING"
            case .photoUnreadable: "PHOTO_UNREADABLE"
            case .cancelled: "CANCELLED"
            }
        }
    }

    public var code: Code
    /// The HTTP status, when an answer came.
    public var httpStatus: Int?
    public var message: String
    public var referenceID: String?
    /// How many times the call was tried.
    public var attempts: Int

    public init(
        _ code: Code, httpStatus: Int? = nil, message: String, referenceID: String? = nil, attempts: Int = 1
    ) {
        self.code = code
        self.httpStatus = httpStatus
        self.message = message
        self.referenceID = referenceID
        self.attempts = attempts
    }

    /// The contract error code, when the server gave one.
    public var errorCode: ErrorCode? {
        if case .contract(let code) = code { code } else { nil }
    }

    /// Whether another attempt may succeed: transport failures, 429 and 5xx.
    public var isRetryable: Bool {
        switch code {
        case .timeout, .connection: true
        case .decoding, .contract: httpStatus.map { $0 == 429 || (500...599).contains($0) } ?? false
        case .photoUnreadable, .cancelled: false
        }
    }

    public var description: String {
        let status = httpStatus.map { " (HTTP \($0))" } ?? ""
        let reference = referenceID.map { " [\($0)]" } ?? ""
        return "\(code)\(status)\(reference): \(message)"
    }
}

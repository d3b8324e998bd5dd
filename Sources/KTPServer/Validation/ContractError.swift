import KTPContract

/// A contract error: the HTTP status and `error_code` a request is answered with.
public struct ContractError: Error, Sendable, Hashable, CustomStringConvertible {
    public let code: ErrorCode
    public let status: Int
    /// The human text of the error body.
    public let message: String
    /// Whole seconds for the answer's `Retry-After` header, when the client should come back later.
    public let retryAfter: Int?

    public init(_ code: ErrorCode, status: Int = 400, _ message: String, retryAfter: Int? = nil) {
        self.code = code
        self.status = status
        self.message = message
        self.retryAfter = retryAfter
    }

    public var description: String { "\(status) \(code.rawValue): \(message)" }
}

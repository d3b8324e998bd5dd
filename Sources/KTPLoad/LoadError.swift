/// Why a run could not start or finish.
public struct LoadError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        /// The server did not answer.
        case unreachable
        /// `/metrics` answered without the job counts.
        case metricsUnreadable
    }

    public let code: Code
    public let detail: String

    public init(_ code: Code, _ detail: String) {
        self.code = code
        self.detail = detail
    }

    public var description: String { detail }
}

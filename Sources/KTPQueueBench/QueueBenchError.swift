/// Why the queue benchmark could not measure.
public struct QueueBenchError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        /// pgbench could not be started or exited with a failure.
        case pgbenchFailed
        /// pgbench's output had no `tps = …` line.
        case pgbenchOutput
    }

    public let code: Code
    public let detail: String

    public init(_ code: Code, _ detail: String) {
        self.code = code
        self.detail = detail
    }

    public var description: String { "\(code.rawValue): \(detail)" }
}

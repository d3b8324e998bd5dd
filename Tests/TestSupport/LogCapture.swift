import Logging
import Synchronization

/// Every record a logger receives, as the text a log sink would get: level, message, metadata and error.
public final class LogCapture: Sendable {
    public let lines = Mutex<[String]>([])

    public init() {}

    /// A logger whose records land here, at every level.
    public func logger(label: String) -> Logger {
        Logger(label: label) { _ in CapturingLogHandler(capture: self) }
    }

    public var recorded: [String] { lines.withLock { $0 } }
}

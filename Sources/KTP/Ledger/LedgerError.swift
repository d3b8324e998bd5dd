/// Why a ledger operation failed.
public struct LedgerError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        /// SQLite failed: the file, the disk or a migration.
        case database
        /// The API and application already have a submission with this reference_id.
        case duplicate
        case notFound
        /// Reprocessing needs the photo, and it was not kept or its retention ended (see ``PhotoRetention``).
        case photoNotKept
        /// A kept photo's file could not be written, read or deleted.
        case photoFile
        /// The task was cancelled; nothing was done.
        case cancelled
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}

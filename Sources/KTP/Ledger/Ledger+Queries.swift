import Foundation
import GRDB

extension Ledger {
    /// Submissions matching `filter`, newest first.
    public func submissions(matching filter: LedgerFilter = LedgerFilter()) async throws(LedgerError) -> [Submission] {
        try await read { db in try Self.rows(db, matching: filter, columns: "*").map(Self.submission) }
    }

    /// The list view of ``submissions(matching:)``: no result bodies, so it is cheap for a whole ledger.
    public func summaries(
        matching filter: LedgerFilter = LedgerFilter()
    ) async throws(LedgerError)
        -> [SubmissionSummary]
    {
        try await read { db in
            try Self.rows(db, matching: filter, columns: Self.summaryColumns).map(Self.summary)
        }
    }

    /// In the order ``summary(_:)`` reads them.
    static let summaryColumns = """
        id, reference_id, state, error_code, submitted_at, completed_at, processing_seconds, nik, full_name, quality,
        reprocess_of, revision
        """

    private static func rows(_ db: Database, matching filter: LedgerFilter, columns: String) throws -> [Row] {
        var clauses: [String] = []
        var arguments: StatementArguments = []
        if let state = filter.state {
            clauses.append("state = ?")
            _ = arguments.append(contentsOf: [state.rawValue])
        }
        if let code = filter.errorCode {
            clauses.append("error_code = ?")
            _ = arguments.append(contentsOf: [code.rawValue])
        }
        if let text = filter.text?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            let pattern =
                "%"
                + text.replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_") + "%"
            let searched = ["reference_id", "nik", "full_name", "error_code"]
            clauses.append("(" + searched.map { "\($0) LIKE ? ESCAPE '\\'" }.joined(separator: " OR ") + ")")
            _ = arguments.append(contentsOf: StatementArguments(searched.map { _ in pattern }))
        }
        let condition = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        let limit = filter.limit.map { " LIMIT \(max(0, $0))" } ?? ""
        return try Row.fetchAll(
            db, sql: "SELECT \(columns) FROM submission \(condition) ORDER BY submitted_at DESC, id DESC\(limit)",
            arguments: arguments)
    }

    public func submission(id: Int64) async throws(LedgerError) -> Submission? {
        try await read { db in try Self.submission(db, id: id) }
    }

    /// The submission with this reference_id; the newest one if several APIs or apps share it.
    public func submission(
        referenceID: String, api: String? = nil, appID: String? = nil
    )
        async throws(LedgerError) -> Submission?
    {
        try await read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT * FROM submission WHERE reference_id = ? AND (?2 IS NULL OR api = ?2)
                        AND (?3 IS NULL OR app_id = ?3)
                    ORDER BY id DESC LIMIT 1
                    """,
                arguments: [referenceID, api, appID]
            ).map(Self.submission)
        }
    }

    /// A submission's timeline, oldest first.
    public func events(submissionID: Int64) async throws(LedgerError) -> [LedgerEvent] {
        try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM event WHERE submission_id = ? ORDER BY id", arguments: [submissionID]
            ).map(Self.event)
        }
    }

    /// Submissions changed after `revision`, in revision order: what a watcher has not seen yet.
    public func changes(after revision: Int64, limit: Int = 1000) async throws(LedgerError) -> [Submission] {
        try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM submission WHERE revision > ? ORDER BY revision LIMIT ?",
                arguments: [revision, limit]
            ).map(Self.submission)
        }
    }

    /// The newest revision, or 0 for an empty ledger.
    public func latestRevision() async throws(LedgerError) -> Int64 {
        try await read { db in try Int64.fetchOne(db, sql: "SELECT IFNULL(MAX(revision), 0) FROM submission") ?? 0 }
    }

    /// The submissions that reprocess this one, oldest first.
    public func reprocessings(of submission: Submission) async throws(LedgerError) -> [Submission] {
        try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM submission WHERE api = ? AND app_id = ? AND reprocess_of = ? ORDER BY id",
                arguments: [submission.api, submission.appID, submission.referenceID]
            ).map(Self.submission)
        }
    }

    /// The kept bytes of a photo, while a submission keeps it (see ``PhotoRetention``), even if the purge has not
    /// run since its time ended.
    public func photo(sha256: String, now: Date = Date()) async throws(LedgerError) -> [UInt8]? {
        try await read { [photos] db in
            try Self.isPhotoKept(db, sha256: sha256, now: now) ? try photos.load(sha256: sha256) : nil
        }
    }

    /// The next free `n` for `<root>-r<n>` in this API and application.
    func nextReprocessNumber(root: String, api: String, appID: String) async throws(LedgerError) -> Int {
        try await read { db in
            let ids = try String.fetchAll(
                db, sql: "SELECT reference_id FROM submission WHERE api = ? AND app_id = ? AND reference_id LIKE ?",
                arguments: [api, appID, root + "-r%"])
            let numbers = ids.compactMap { id -> Int? in
                guard ReferenceID.root(of: id) == root else { return nil }
                return Int(id.dropFirst(root.count + 2))
            }
            return (numbers.max() ?? 0) + 1
        }
    }
}

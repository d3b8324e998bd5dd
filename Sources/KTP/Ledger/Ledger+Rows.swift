import Foundation
import GRDB

extension Ledger {
    static func submission(_ row: Row) throws -> Submission {
        let options = try JSONDecoder().decode(SubmitOptions.self, from: Data((row["options"] as String).utf8))
        let result: ResultBody? = try (row["result"] as String?).map {
            try ResultBody.makeDecoder().decode(ResultBody.self, from: Data($0.utf8))
        }
        return Submission(
            id: row["id"], api: row["api"], appID: row["app_id"], referenceID: row["reference_id"],
            photoSHA256: row["photo_sha256"], photoURL: row["photo_url"], options: options,
            state: SubmissionState(rawValue: row["state"]) ?? .pending,
            errorCode: (row["error_code"] as String?).flatMap(ErrorCode.init(rawValue:)),
            errorMessage: row["error_message"], result: result,
            submittedAt: Date(timeIntervalSince1970: row["submitted_at"]),
            updatedAt: Date(timeIntervalSince1970: row["updated_at"]),
            completedAt: (row["completed_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
            reprocessOf: row["reprocess_of"], revision: row["revision"],
            nextPollAt: (row["next_poll_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
            pollCount: row["poll_count"])
    }

    /// A row of ``summaryColumns``, read by position: looking 12 columns up by name was most of the time a
    /// 100,000-row list took to load.
    static func summary(_ row: Row) -> SubmissionSummary {
        SubmissionSummary(
            id: row[0], referenceID: row[1], state: SubmissionState(rawValue: row[2]) ?? .pending,
            errorCode: (row[3] as String?).flatMap(ErrorCode.init(rawValue:)),
            submittedAt: Date(timeIntervalSince1970: row[4]),
            completedAt: (row[5] as Double?).map(Date.init(timeIntervalSince1970:)),
            processingTime: row[6], nik: row[7], fullName: row[8],
            quality: (row[9] as String?).flatMap(ImageQuality.init(conditionCode:)),
            reprocessOf: row[10], revision: row[11])
    }

    static func event(_ row: Row) -> LedgerEvent {
        LedgerEvent(
            id: row["id"], submissionID: row["submission_id"], at: Date(timeIntervalSince1970: row["at"]),
            kind: LedgerEvent.Kind(rawValue: row["kind"]) ?? .statusChanged, detail: row["detail"])
    }

    static func submission(_ db: Database, id: Int64) throws -> Submission? {
        try Row.fetchOne(db, sql: "SELECT * FROM submission WHERE id = ?", arguments: [id]).map(submission)
    }

    /// The next global revision. The write lock serialises writers, so revisions never repeat.
    static func nextRevision(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT IFNULL(MAX(revision), 0) + 1 FROM submission") ?? 1
    }

    static func touch(_ db: Database, id: Int64, now: Date) throws {
        try db.execute(
            sql: "UPDATE submission SET revision = ?, updated_at = ? WHERE id = ?",
            arguments: [try nextRevision(db), now.timeIntervalSince1970, id])
    }

    static func addEvent(
        _ db: Database, id: Int64, _ kind: LedgerEvent.Kind, _ detail: String, now: Date
    ) throws {
        try db.execute(
            sql: "INSERT INTO event (submission_id, at, kind, detail) VALUES (?, ?, ?, ?)",
            arguments: [id, now.timeIntervalSince1970, kind.rawValue, detail])
    }

    static func encode(_ options: SubmitOptions) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: (try? encoder.encode(options)) ?? Data("{}".utf8), as: UTF8.self)
    }

    static func encode(_ body: ResultBody) -> String {
        String(decoding: (try? ResultBody.makeEncoder().encode(body)) ?? Data("{}".utf8), as: UTF8.self)
    }
}

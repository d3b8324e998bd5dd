import Foundation
import GRDB
import KTPContract

extension SQLiteStore: JobStore {
    public func enqueue(_ new: NewJob) async throws(StoreError) -> Job {
        let options = try Self.encode(new.options)
        return try await write { db in
            guard
                let app = try Row.fetchOne(
                    db, sql: "SELECT * FROM application WHERE id = ?",
                    arguments: [new.applicationID])
            else {
                throw StoreError(.unknownApplication, new.applicationID)
            }
            let taken =
                try Bool.fetchOne(
                    db, sql: "SELECT 1 FROM job WHERE application_id = ? AND reference_id = ?",
                    arguments: [new.applicationID, new.referenceID]) ?? false
            if taken { throw StoreError(.referenceIDExists, new.referenceID) }
            // The quota is spent in the same transaction as the insert: both happen, or neither.
            if app["mode"] as String == "testing" {
                try db.execute(
                    sql: """
                        UPDATE application SET quota_remaining = quota_remaining - 1
                        WHERE id = ? AND quota_remaining > 0
                        """, arguments: [new.applicationID])
                if db.changesCount == 0 { throw StoreError(.quotaSpent, new.applicationID) }
            }
            let submitted = new.submittedAt.timeIntervalSince1970
            let row = try Row.fetchOne(
                db,
                sql: """
                    INSERT INTO job (application_id, reference_id, state, options, image, sandbox_image, submitted_at,
                                     run_after)
                    VALUES (?, ?, 'queued', ?, ?, ?, ?, ?) RETURNING *
                    """,
                arguments: [
                    new.applicationID, new.referenceID, options, new.image.map { Data($0) },
                    new.sandboxImage, submitted, submitted,
                ])
            return try Self.job(row!)
        }
    }

    public func exists(applicationID: String, referenceID: String) async throws(StoreError) -> Bool {
        try await read { db in
            try Bool.fetchOne(
                db, sql: "SELECT 1 FROM job WHERE application_id = ? AND reference_id = ?",
                arguments: [applicationID, referenceID]) ?? false
        }
    }

    public func claim(worker: String, lease: Duration, now: Date) async throws(StoreError) -> Job? {
        let expires = now.addingTimeInterval(lease.timeInterval).timeIntervalSince1970
        return try await write { db in
            try Row.fetchOne(
                db,
                sql: """
                    UPDATE job SET state = 'running', attempt = attempt + 1, lease_owner = ?, lease_expires_at = ?
                    WHERE id = (
                        SELECT id FROM job WHERE state = 'queued' AND run_after <= ? ORDER BY run_after, id LIMIT 1)
                    RETURNING *
                    """, arguments: [worker, expires, now.timeIntervalSince1970]
            ).map(Self.job)
        }
    }

    public func complete(
        jobID: Int64, worker: String, result: ResultBody, at date: Date, retainImage: Bool
    )
        async throws(StoreError) -> Bool
    {
        let json = try Self.encode(result)
        return try await write { db in
            guard
                let options = try String.fetchOne(
                    db,
                    sql: """
                        UPDATE job SET state = 'done', result = ?, completed_at = ?, lease_owner = NULL,
                            lease_expires_at = NULL, image = CASE WHEN ? THEN image ELSE NULL END
                        WHERE id = ? AND state = 'running' AND lease_owner = ?
                        RETURNING options
                        """, arguments: [json, date.timeIntervalSince1970, retainImage, jobID, worker])
            else { return false }
            // The callback is queued in the same transaction: a stored result always gets its delivery.
            let decoded = try ResultBody.makeDecoder().decode(JobOptions.self, from: Data(options.utf8))
            if let url = decoded.callbackURL {
                try db.execute(
                    sql: """
                        INSERT INTO callback (job_id, url, body, state, next_attempt_at) VALUES (?, ?, ?, 'PENDING', ?)
                        """, arguments: [jobID, url.absoluteString, json, date.timeIntervalSince1970])
            }
            return true
        }
    }

    public func extendLease(jobID: Int64, worker: String, until: Date) async throws(StoreError) -> Bool {
        try await write { db in
            try db.execute(
                sql: "UPDATE job SET lease_expires_at = ? WHERE id = ? AND state = 'running' AND lease_owner = ?",
                arguments: [until.timeIntervalSince1970, jobID, worker])
            return db.changesCount == 1
        }
    }

    public func release(jobID: Int64, worker: String, retryAt: Date) async throws(StoreError) -> Bool {
        try await write { db in
            try db.execute(
                sql: """
                    UPDATE job SET state = 'queued', run_after = ?, lease_owner = NULL, lease_expires_at = NULL
                    WHERE id = ? AND state = 'running' AND lease_owner = ?
                    """, arguments: [retryAt.timeIntervalSince1970, jobID, worker])
            return db.changesCount == 1
        }
    }

    public func rescueExpired(now: Date) async throws(StoreError) -> Int {
        try await write { db in
            try db.execute(
                sql: """
                    UPDATE job SET state = 'queued', lease_owner = NULL, lease_expires_at = NULL
                    WHERE state = 'running' AND lease_expires_at < ?
                    """, arguments: [now.timeIntervalSince1970])
            return db.changesCount
        }
    }

    public func job(applicationID: String, referenceID: String) async throws(StoreError) -> Job? {
        try await read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM job WHERE application_id = ? AND reference_id = ?",
                arguments: [applicationID, referenceID]
            ).map(Self.job)
        }
    }

    public func countsByState() async throws(StoreError) -> [JobState: Int] {
        try await read { db in
            var counts: [JobState: Int] = [.queued: 0, .running: 0, .done: 0]
            for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM job GROUP BY state") {
                if let state = JobState(rawValue: row["state"]) { counts[state] = row["n"] }
            }
            return counts
        }
    }

    public func purge(imagesBefore: Date?, resultsBefore: Date?) async throws(StoreError) -> Int {
        try await write { db in
            var changed = 0
            if let imagesBefore {
                try db.execute(
                    sql: "UPDATE job SET image = NULL WHERE state = 'done' AND image IS NOT NULL "
                        + "AND completed_at < ?", arguments: [imagesBefore.timeIntervalSince1970])
                changed += db.changesCount
            }
            if let resultsBefore {
                try db.execute(
                    sql: "DELETE FROM job WHERE state = 'done' AND completed_at < ?",
                    arguments: [resultsBefore.timeIntervalSince1970])
                changed += db.changesCount
            }
            return changed
        }
    }

    static func job(_ row: Row) throws -> Job {
        let decoder = ResultBody.makeDecoder()
        let options = try decoder.decode(JobOptions.self, from: Data((row["options"] as String).utf8))
        let result = try (row["result"] as String?).map { try decoder.decode(ResultBody.self, from: Data($0.utf8)) }
        return Job(
            id: row["id"], applicationID: row["application_id"], referenceID: row["reference_id"],
            state: JobState(rawValue: row["state"]) ?? .queued, attempt: row["attempt"], options: options,
            image: (row["image"] as Data?).map { [UInt8]($0) }, sandboxImage: row["sandbox_image"],
            submittedAt: Date(timeIntervalSince1970: row["submitted_at"]),
            completedAt: (row["completed_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
            leaseOwner: row["lease_owner"],
            leaseExpiresAt: (row["lease_expires_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
            result: result
        )
    }

    static func encode(_ value: some Encodable) throws(StoreError) -> String {
        do {
            return String(decoding: try ResultBody.makeEncoder().encode(value), as: UTF8.self)
        } catch {
            throw StoreError(.database, "cannot encode: \(error)")
        }
    }
}

extension Duration {
    var timeInterval: TimeInterval {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}

import Foundation
import GRDB

extension SQLiteStore: CallbackStore {
    public func claimCallback(worker: String, lease: Duration, now: Date) async throws(StoreError) -> CallbackDelivery?
    {
        let nowSeconds = now.timeIntervalSince1970
        return try await write { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        UPDATE callback SET lease_owner = ?, lease_expires_at = ?
                        WHERE job_id = (
                            SELECT job_id FROM callback
                            WHERE state = 'PENDING' AND next_attempt_at <= ?
                                AND (lease_expires_at IS NULL OR lease_expires_at < ?)
                            ORDER BY next_attempt_at LIMIT 1)
                        RETURNING job_id, url, body, attempts
                        """, arguments: [worker, nowSeconds + lease.timeInterval, nowSeconds, nowSeconds])
            else { return nil }
            let jobID: Int64 = row["job_id"]
            let job = try Row.fetchOne(
                db, sql: "SELECT application_id, reference_id FROM job WHERE id = ?",
                arguments: [jobID])
            return CallbackDelivery(
                jobID: jobID, applicationID: job?["application_id"] ?? "", referenceID: job?["reference_id"] ?? "",
                url: URL(string: row["url"])!, body: row["body"], previousAttempts: row["attempts"]
            )
        }
    }

    public func recordAttempt(
        jobID: Int64, worker: String, attempt: CallbackAttempt, retryAt: Date?
    )
        async throws(StoreError)
    {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO callback_attempt (job_id, at, http_status, latency_ms, error) VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [
                    jobID, attempt.at.timeIntervalSince1970, attempt.httpStatus,
                    attempt.latencyMilliseconds, attempt.error,
                ])
            let state = attempt.delivered ? "DELIVERED" : (retryAt == nil ? "FAILED" : "PENDING")
            try db.execute(
                sql: """
                    UPDATE callback SET state = ?, attempts = attempts + 1, next_attempt_at = ?, lease_owner = NULL,
                        lease_expires_at = NULL
                    WHERE job_id = ? AND lease_owner = ?
                    """, arguments: [state, (retryAt ?? attempt.at).timeIntervalSince1970, jobID, worker])
        }
    }

    public func postponeCallback(jobID: Int64, worker: String, until: Date) async throws(StoreError) {
        try await write { db in
            try db.execute(
                sql: """
                    UPDATE callback SET next_attempt_at = ?, lease_owner = NULL, lease_expires_at = NULL
                    WHERE job_id = ? AND lease_owner = ? AND state = 'PENDING'
                    """, arguments: [until.timeIntervalSince1970, jobID, worker])
        }
    }

    public func callbacks(applicationID: String, referenceID: String) async throws(StoreError) -> CallbackRecord? {
        try await read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT callback.* FROM callback JOIN job ON job.id = callback.job_id
                        WHERE job.application_id = ? AND job.reference_id = ?
                        """, arguments: [applicationID, referenceID])
            else { return nil }
            let attempts = try Row.fetchAll(
                db, sql: "SELECT * FROM callback_attempt WHERE job_id = ? ORDER BY id",
                arguments: [row["job_id"] as Int64]
            ).map { attempt in
                CallbackAttempt(
                    at: Date(timeIntervalSince1970: attempt["at"]), httpStatus: attempt["http_status"],
                    latencyMilliseconds: attempt["latency_ms"], error: attempt["error"])
            }
            return CallbackRecord(
                referenceID: referenceID, url: row["url"],
                state: CallbackRecord.State(rawValue: row["state"]) ?? .pending, attempts: attempts)
        }
    }
}

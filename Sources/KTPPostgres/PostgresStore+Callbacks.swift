import Foundation
import KTPServer
import PostgresNIO

extension PostgresStore: CallbackStore {
    /// One statement: the due callback is locked with `SKIP LOCKED` and leased in the same
    /// update, so two deliverers in any processes never take the same one.
    public func claimCallback(worker: String, lease: Duration, now: Date) async throws(StoreError) -> CallbackDelivery?
    {
        let expires = now.addingTimeInterval(lease.timeInterval)
        guard
            let row = try await rows(
                """
                UPDATE callback SET lease_owner = \(worker), lease_expires_at = \(expires)
                WHERE job_id = (
                    SELECT job_id FROM callback
                    WHERE state = 'PENDING' AND next_attempt_at <= \(now)
                        AND (lease_expires_at IS NULL OR lease_expires_at < \(now))
                    ORDER BY next_attempt_at LIMIT 1
                    FOR UPDATE SKIP LOCKED)
                RETURNING job_id, url, body, attempts,
                    (SELECT application_id FROM job WHERE job.id = callback.job_id) AS application_id,
                    (SELECT reference_id FROM job WHERE job.id = callback.job_id) AS reference_id
                """
            ).first
        else { return nil }
        return try Self.decoding {
            let columns = row.makeRandomAccess()
            let url = try columns["url"].decode(String.self)
            return CallbackDelivery(
                jobID: try columns["job_id"].decode(Int64.self),
                applicationID: try columns["application_id"].decode(String?.self) ?? "",
                referenceID: try columns["reference_id"].decode(String?.self) ?? "",
                url: URL(string: url) ?? URL(fileURLWithPath: "/"), body: try columns["body"].decode(String.self),
                previousAttempts: try columns["attempts"].decode(Int.self))
        }
    }

    /// The attempt is recorded only while `worker` holds the delivery's lease: a deliverer whose
    /// lease ran out and was taken over leaves no second record.
    public func recordAttempt(
        jobID: Int64, worker: String, attempt: CallbackAttempt, retryAt: Date?
    )
        async throws(StoreError)
    {
        let logger = self.logger
        let state = attempt.delivered ? "DELIVERED" : (retryAt == nil ? "FAILED" : "PENDING")
        let next = retryAt ?? attempt.at
        try await transaction { connection in
            let held = try await connection.query(
                """
                UPDATE callback SET state = \(state), attempts = attempts + 1, next_attempt_at = \(next),
                    lease_owner = NULL, lease_expires_at = NULL
                WHERE job_id = \(jobID) AND lease_owner = \(worker)
                RETURNING job_id
                """, logger: logger
            ).collect()
            guard !held.isEmpty else { return }
            try await connection.query(
                """
                INSERT INTO callback_attempt (job_id, at, http_status, latency_ms, error)
                VALUES (\(jobID), \(attempt.at), \(attempt.httpStatus), \(attempt.latencyMilliseconds),
                        \(attempt.error))
                """, logger: logger)
        }
    }

    public func postponeCallback(jobID: Int64, worker: String, until: Date) async throws(StoreError) {
        _ = try await rows(
            """
            UPDATE callback SET next_attempt_at = \(until), lease_owner = NULL, lease_expires_at = NULL
            WHERE job_id = \(jobID) AND lease_owner = \(worker) AND state = 'PENDING'
            """)
    }

    public func callbacks(applicationID: String, referenceID: String) async throws(StoreError) -> CallbackRecord? {
        guard
            let row = try await rows(
                """
                SELECT callback.job_id, callback.url, callback.state FROM callback JOIN job ON job.id = callback.job_id
                WHERE job.application_id = \(applicationID) AND job.reference_id = \(referenceID)
                """
            ).first
        else { return nil }
        let (jobID, url, state) = try Self.decoding { try row.decode((Int64, String, String).self) }
        let attempts = try await rows(
            "SELECT at, http_status, latency_ms, error FROM callback_attempt WHERE job_id = \(jobID) ORDER BY id")
        return CallbackRecord(
            referenceID: referenceID, url: url, state: CallbackRecord.State(rawValue: state) ?? .pending,
            attempts: try Self.decoding {
                try attempts.map { row in
                    let (at, status, latency, error) = try row.decode((Date, Int?, Int, String?).self)
                    return CallbackAttempt(at: at, httpStatus: status, latencyMilliseconds: latency, error: error)
                }
            })
    }
}

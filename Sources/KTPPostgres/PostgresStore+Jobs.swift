import Foundation
import KTPContract
import KTPServer
import PostgresNIO

extension PostgresStore: ServiceStore {
    public func enqueue(_ new: NewJob) async throws(StoreError) -> Job {
        let options = try StoreError.encode(new.options)
        let logger = self.logger
        return try await transaction { connection in
            guard
                let mode = try await connection.query(
                    "SELECT mode FROM application WHERE id = \(new.applicationID)", logger: logger
                ).collect().first?.decode(String.self)
            else { throw StoreError(.unknownApplication, new.applicationID) }
            // A reference_id in use (even by a submit not yet committed, which this one waits for)
            // inserts nothing; the quota is spent only after, so a refused submit spends none.
            guard
                let row = try await connection.query(
                    """
                    INSERT INTO job (application_id, reference_id, state, options, sandbox_image, submitted_at,
                                     run_after)
                    VALUES (\(new.applicationID), \(new.referenceID), 'queued', \(options), \(new.sandboxImage),
                            \(new.submittedAt), \(new.submittedAt))
                    ON CONFLICT (application_id, reference_id) DO NOTHING
                    RETURNING \(unescaped: Self.jobColumns), NULL::bytea AS image
                    """, logger: logger
                ).collect().first
            else { throw StoreError(.referenceIDExists, new.referenceID) }
            var job = try Self.job(row)
            // The row lock of this update orders concurrent submits of one application, in any
            // process: each sees the count the one before it left.
            if mode == "testing" {
                let spent = try await connection.query(
                    """
                    UPDATE application SET quota_used = quota_used + 1
                    WHERE id = \(new.applicationID) AND quota_used < quota RETURNING id
                    """, logger: logger
                ).collect()
                if spent.isEmpty { throw StoreError(.quotaSpent, new.applicationID) }
            }
            if let image = new.image {
                try await connection.query(
                    "INSERT INTO job_image (job_id, bytes) VALUES (\(job.id), \(ByteBuffer(bytes: image)))",
                    logger: logger)
                job.image = image
            }
            // Delivered on commit, to the idle workers of every process.
            try await connection.query("SELECT pg_notify(\(Self.jobsChannel), '')", logger: logger)
            return job
        }
    }

    public func exists(applicationID: String, referenceID: String) async throws(StoreError) -> Bool {
        !(try await rows(
            "SELECT 1 FROM job WHERE application_id = \(applicationID) AND reference_id = \(referenceID)"
        ).isEmpty)
    }

    public func claim(worker: String, lane: JobLane, lease: Duration, now: Date) async throws(StoreError) -> Job? {
        let expires = now.addingTimeInterval(lease.timeInterval)
        // The lane's condition is spelt as in its partial index, so that the claim reads only that lane.
        let inLane = lane == .sandbox ? "sandbox_image IS NOT NULL" : "sandbox_image IS NULL"
        return try await rows(
            """
            UPDATE job SET state = 'running', attempt = attempt + 1, lease_owner = \(worker),
                lease_expires_at = \(expires)
            WHERE id = (
                SELECT id FROM job WHERE state = 'queued' AND \(unescaped: inLane) AND run_after <= \(now)
                ORDER BY run_after, id LIMIT 1
                FOR UPDATE SKIP LOCKED)
            RETURNING \(unescaped: Self.jobColumns), \(unescaped: Self.imageColumn)
            """
        ).first.map(Self.job)
    }

    public func complete(
        jobID: Int64, worker: String, attempt: Int, result: ResultBody, at date: Date, retainImage: Bool
    )
        async throws(StoreError) -> Bool
    {
        let json = try StoreError.encode(result)
        // One statement, so one implicit transaction and one round trip: the result, the photo's
        // deletion and the callback (queued with the result, so a stored result always gets its
        // delivery) all happen, or none. `callbackURL` is `JobOptions`' key in the stored JSON.
        return !(try await rows(
            """
            WITH done AS (
                UPDATE job SET state = 'done', result = \(json), completed_at = \(date), lease_owner = NULL,
                    lease_expires_at = NULL
                WHERE id = \(jobID) AND state = 'running' AND lease_owner = \(worker) AND attempt = \(attempt)
                RETURNING id, options::json ->> 'callbackURL' AS callback_url),
            photo AS (
                DELETE FROM job_image WHERE NOT \(retainImage) AND job_id IN (SELECT id FROM done)),
            callback AS (
                INSERT INTO callback (job_id, url, body, state, next_attempt_at)
                SELECT id, callback_url, \(json), 'PENDING', \(date) FROM done WHERE callback_url IS NOT NULL)
            SELECT id FROM done
            """
        ).isEmpty)
    }

    public func extendLease(jobID: Int64, worker: String, attempt: Int, until: Date) async throws(StoreError) -> Bool
    {
        !(try await rows(
            """
            UPDATE job SET lease_expires_at = \(until)
            WHERE id = \(jobID) AND state = 'running' AND lease_owner = \(worker) AND attempt = \(attempt) RETURNING id
            """
        ).isEmpty)
    }

    public func release(jobID: Int64, worker: String, attempt: Int, retryAt: Date) async throws(StoreError) -> Bool {
        !(try await rows(
            """
            UPDATE job SET state = 'queued', run_after = \(retryAt), lease_owner = NULL, lease_expires_at = NULL
            WHERE id = \(jobID) AND state = 'running' AND lease_owner = \(worker) AND attempt = \(attempt) RETURNING id
            """
        ).isEmpty)
    }

    public func rescueExpired(now: Date) async throws(StoreError) -> Int {
        try await rows(
            """
            UPDATE job SET state = 'queued', lease_owner = NULL, lease_expires_at = NULL
            WHERE state = 'running' AND lease_expires_at < \(now) RETURNING id
            """
        ).count
    }

    public func job(applicationID: String, referenceID: String) async throws(StoreError) -> Job? {
        try await rows(
            """
            SELECT \(unescaped: Self.jobColumns), \(unescaped: Self.imageColumn) FROM job
            WHERE application_id = \(applicationID) AND reference_id = \(referenceID)
            """
        ).first.map(Self.job)
    }

    public func countsByState() async throws(StoreError) -> [JobState: Int] {
        var counts: [JobState: Int] = [.queued: 0, .running: 0, .done: 0]
        for row in try await rows("SELECT state, count(*) FROM job GROUP BY state") {
            let (state, count) = try Self.decoding { try row.decode((String, Int).self) }
            if let state = JobState(rawValue: state) { counts[state] = count }
        }
        return counts
    }

    public func queueStats() async throws(StoreError) -> QueueStats {
        let row = try await rows("SELECT count(*), min(submitted_at) FROM job WHERE state = 'queued'").first
        let (depth, oldest) = try Self.decoding { try row?.decode((Int, Date?).self) ?? (0, nil) }
        return QueueStats(depth: depth, oldestSubmittedAt: oldest)
    }

    public func purge(imagesBefore: Date?, resultsBefore: Date?) async throws(StoreError) -> Int {
        var changed = 0
        if let imagesBefore {
            changed += try await rows(
                """
                DELETE FROM job_image USING job
                WHERE job.id = job_image.job_id AND job.state = 'done' AND job.completed_at < \(imagesBefore)
                RETURNING job_image.job_id
                """
            ).count
        }
        if let resultsBefore {
            // Their photos and callbacks go with them (ON DELETE CASCADE).
            changed += try await rows(
                "DELETE FROM job WHERE state = 'done' AND completed_at < \(resultsBefore) RETURNING id"
            ).count
        }
        return changed
    }

    /// Nothing: a photo's row and its job's are written and deleted in the same transactions.
    public func removeLeftovers() async throws(StoreError) -> Int { 0 }

    static let jobColumns = """
        job.id, job.application_id, job.reference_id, job.state, job.attempt, job.options, job.sandbox_image,
        job.submitted_at, job.completed_at, job.lease_owner, job.lease_expires_at, job.result
        """

    static let imageColumn = "(SELECT bytes FROM job_image WHERE job_image.job_id = job.id) AS image"

    static func job(_ row: PostgresRow) throws(StoreError) -> Job {
        try decoding {
            let columns = row.makeRandomAccess()
            let decoder = ResultBody.makeDecoder()
            let options = try decoder.decode(
                JobOptions.self, from: Data(try columns["options"].decode(String.self).utf8))
            let result = try columns["result"].decode(String?.self).map {
                try decoder.decode(ResultBody.self, from: Data($0.utf8))
            }
            return Job(
                id: try columns["id"].decode(Int64.self),
                applicationID: try columns["application_id"].decode(String.self),
                referenceID: try columns["reference_id"].decode(String.self),
                state: JobState(rawValue: try columns["state"].decode(String.self)) ?? .queued,
                attempt: try columns["attempt"].decode(Int.self), options: options,
                image: try columns["image"].decode(ByteBuffer?.self).map { Array($0.readableBytesView) },
                sandboxImage: try columns["sandbox_image"].decode(String?.self),
                submittedAt: try columns["submitted_at"].decode(Date.self),
                completedAt: try columns["completed_at"].decode(Date?.self),
                leaseOwner: try columns["lease_owner"].decode(String?.self),
                leaseExpiresAt: try columns["lease_expires_at"].decode(Date?.self), result: result)
        }
    }
}

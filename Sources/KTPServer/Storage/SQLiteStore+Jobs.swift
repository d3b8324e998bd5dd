import Foundation
import GRDB
import KTPContract

extension SQLiteStore: ServiceStore {
    public func enqueue(_ new: NewJob) async throws(StoreError) -> Job {
        let options = try StoreError.encode(new.options)
        // The photo's file is written first; a refused or failed insert deletes it again.
        var file: String?
        if let image = new.image { file = try await images.write(image) }
        do {
            var job = try await insert(new, options: options, imageFile: file)
            job.image = new.image
            jobsArrived.signal()
            return job
        } catch {
            if let file { images.remove(file) }
            throw error
        }
    }

    private func insert(_ new: NewJob, options: String, imageFile: String?) async throws(StoreError) -> Job {
        try await write { db in
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
                        UPDATE application SET quota_used = quota_used + 1
                        WHERE id = ? AND quota_used < quota
                        """, arguments: [new.applicationID])
                if db.changesCount == 0 { throw StoreError(.quotaSpent, new.applicationID) }
            }
            let submitted = new.submittedAt.timeIntervalSince1970
            let row = try Row.fetchOne(
                db,
                sql: """
                    INSERT INTO job (application_id, reference_id, state, options, image_file, sandbox_image,
                                     submitted_at, run_after)
                    VALUES (?, ?, 'queued', ?, ?, ?, ?, ?) RETURNING *
                    """,
                arguments: [
                    new.applicationID, new.referenceID, options, imageFile, new.sandboxImage, submitted, submitted,
                ])
            return try Self.job(row!).0
        }
    }

    public func exists(applicationID: String, referenceID: String) async throws(StoreError) -> Bool {
        try await read { db in
            try Bool.fetchOne(
                db, sql: "SELECT 1 FROM job WHERE application_id = ? AND reference_id = ?",
                arguments: [applicationID, referenceID]) ?? false
        }
    }

    public func claim(worker: String, lane: JobLane, lease: Duration, now: Date) async throws(StoreError) -> Job? {
        let expires = now.addingTimeInterval(lease.timeInterval).timeIntervalSince1970
        let claimed = try await write { db in
            try Row.fetchOne(
                db,
                sql: """
                    UPDATE job SET state = 'running', attempt = attempt + 1, lease_owner = ?, lease_expires_at = ?
                    WHERE id = (\(Self.nextRunnable(lane)))
                    RETURNING *
                    """, arguments: [worker, expires, now.timeIntervalSince1970]
            ).map(Self.job)
        }
        return await withImage(claimed)
    }

    /// The query for the id of `lane`'s next runnable job, given the time. The sandbox lane's
    /// condition is spelt out so that it matches its partial index: its few jobs are found there,
    /// not by reading through a backlog of photos.
    static func nextRunnable(_ lane: JobLane) -> String {
        let inLane = lane == .sandbox ? "sandbox_image IS NOT NULL" : "sandbox_image IS NULL"
        return "SELECT id FROM job WHERE state = 'queued' AND \(inLane) AND run_after <= ? "
            + "ORDER BY run_after, id LIMIT 1"
    }

    public func complete(
        jobID: Int64, worker: String, attempt: Int, result: ResultBody, at date: Date, retainImage: Bool
    )
        async throws(StoreError) -> Bool
    {
        let json = try StoreError.encode(result)
        let (stored, file) = try await write { db -> (Bool, String?) in
            let file = try String.fetchOne(
                db, sql: "SELECT image_file FROM job WHERE id = ? AND \(Self.leaseHeld)",
                arguments: [jobID, worker, attempt])
            guard
                let options = try String.fetchOne(
                    db,
                    sql: """
                        UPDATE job SET state = 'done', result = ?, completed_at = ?, lease_owner = NULL,
                            lease_expires_at = NULL, image = CASE WHEN ? THEN image ELSE NULL END,
                            image_file = CASE WHEN ? THEN image_file ELSE NULL END
                        WHERE id = ? AND \(Self.leaseHeld)
                        RETURNING options
                        """,
                    arguments: [json, date.timeIntervalSince1970, retainImage, retainImage, jobID, worker, attempt])
            else { return (false, nil) }
            // The callback is queued in the same transaction: a stored result always gets its delivery.
            let decoded = try ResultBody.makeDecoder().decode(JobOptions.self, from: Data(options.utf8))
            if let url = decoded.callbackURL {
                try db.execute(
                    sql: """
                        INSERT INTO callback (job_id, url, body, state, next_attempt_at) VALUES (?, ?, ?, 'PENDING', ?)
                        """, arguments: [jobID, url.absoluteString, json, date.timeIntervalSince1970])
            }
            return (true, file)
        }
        if stored, !retainImage, let file { images.remove(file) }
        return stored
    }

    public func extendLease(jobID: Int64, worker: String, attempt: Int, until: Date) async throws(StoreError) -> Bool {
        try await write { db in
            try db.execute(
                sql: "UPDATE job SET lease_expires_at = ? WHERE id = ? AND \(Self.leaseHeld)",
                arguments: [until.timeIntervalSince1970, jobID, worker, attempt])
            return db.changesCount == 1
        }
    }

    public func release(jobID: Int64, worker: String, attempt: Int, retryAt: Date) async throws(StoreError) -> Bool {
        try await write { db in
            try db.execute(
                sql: """
                    UPDATE job SET state = 'queued', run_after = ?, lease_owner = NULL, lease_expires_at = NULL
                    WHERE id = ? AND \(Self.leaseHeld)
                    """, arguments: [retryAt.timeIntervalSince1970, jobID, worker, attempt])
            return db.changesCount == 1
        }
    }

    /// The condition, after the job's id, that the lease is still held: by this worker, for this
    /// attempt (the fencing token).
    static let leaseHeld = "state = 'running' AND lease_owner = ? AND attempt = ?"

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
        let found = try await read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM job WHERE application_id = ? AND reference_id = ?",
                arguments: [applicationID, referenceID]
            ).map(Self.job)
        }
        return await withImage(found)
    }

    /// The job with its photo read from its file.
    private func withImage(_ found: (Job, String?)?) async -> Job? {
        guard let found else { return nil }
        var job = found.0
        if let file = found.1 { job.image = await images.read(file) }
        return job
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

    public func queueStats() async throws(StoreError) -> QueueStats {
        try await read { db in
            let row = try Row.fetchOne(
                db, sql: "SELECT COUNT(*) AS depth, MIN(submitted_at) AS oldest FROM job WHERE state = 'queued'")
            return QueueStats(
                depth: row?["depth"] ?? 0,
                oldestSubmittedAt: (row?["oldest"] as Double?).map(Date.init(timeIntervalSince1970:)))
        }
    }

    public func purge(imagesBefore: Date?, resultsBefore: Date?) async throws(StoreError) -> Int {
        let (changed, files) = try await write { db -> (Int, [String]) in
            var changed = 0
            var files: [String] = []
            if let imagesBefore {
                let before = imagesBefore.timeIntervalSince1970
                files += try String.fetchAll(
                    db,
                    sql: "SELECT image_file FROM job WHERE state = 'done' AND image_file IS NOT NULL "
                        + "AND completed_at < ?", arguments: [before])
                try db.execute(
                    sql: "UPDATE job SET image = NULL, image_file = NULL WHERE state = 'done' "
                        + "AND (image IS NOT NULL OR image_file IS NOT NULL) AND completed_at < ?",
                    arguments: [before])
                changed += db.changesCount
            }
            if let resultsBefore {
                let before = resultsBefore.timeIntervalSince1970
                files += try String.fetchAll(
                    db,
                    sql: "SELECT image_file FROM job WHERE state = 'done' AND image_file IS NOT NULL "
                        + "AND completed_at < ?", arguments: [before])
                try db.execute(sql: "DELETE FROM job WHERE state = 'done' AND completed_at < ?", arguments: [before])
                changed += db.changesCount
            }
            return (changed, files)
        }
        files.forEach(images.remove)
        return changed
    }

    /// The photo files a crash left without a row.
    public func removeLeftovers() async throws(StoreError) -> Int {
        try await removeOrphanImages()
    }

    /// Deletes photo files that no job names and that are older than `age`: left by a crash
    /// between a file and its row. Returns how many.
    public func removeOrphanImages(olderThan age: TimeInterval = 600) async throws(StoreError) -> Int {
        let named = try await read { db in
            Set(try String.fetchAll(db, sql: "SELECT image_file FROM job WHERE image_file IS NOT NULL"))
        }
        return images.removeOrphans(keeping: named, olderThan: age)
    }

    /// The job in `row`, and the name of its photo's file (read separately, off the database).
    static func job(_ row: Row) throws -> (Job, String?) {
        let decoder = ResultBody.makeDecoder()
        let options = try decoder.decode(JobOptions.self, from: Data((row["options"] as String).utf8))
        let result = try (row["result"] as String?).map { try decoder.decode(ResultBody.self, from: Data($0.utf8)) }
        let job = Job(
            id: row["id"], applicationID: row["application_id"], referenceID: row["reference_id"],
            state: JobState(rawValue: row["state"]) ?? .queued, attempt: row["attempt"], options: options,
            image: (row["image"] as Data?).map { [UInt8]($0) }, sandboxImage: row["sandbox_image"],
            submittedAt: Date(timeIntervalSince1970: row["submitted_at"]),
            completedAt: (row["completed_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
            leaseOwner: row["lease_owner"],
            leaseExpiresAt: (row["lease_expires_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
            result: result
        )
        return (job, row["image_file"])
    }
}

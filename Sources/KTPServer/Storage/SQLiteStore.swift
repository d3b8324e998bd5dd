import Foundation
import GRDB
import KTPContract

/// Jobs and applications in one SQLite file through GRDB, in WAL mode with migrations; the
/// photos in files beside it (``ImageFiles``).
///
/// SQLite has one writer at a time, so a claim is a single `UPDATE … RETURNING` and needs no
/// row locks; the PostgreSQL store will claim with `FOR UPDATE SKIP LOCKED` instead.
public final class SQLiteStore: Sendable {
    let pool: DatabasePool
    /// The photos, in `PATH-images` beside the database file.
    let images: ImageFiles
    /// Signalled by each submit: one process has the file, so its own submits are all there are.
    public let jobsArrived = JobSignal()

    /// Opens (creating if needed) the database at `path` and migrates it.
    public init(path: String) throws(StoreError) {
        images = try ImageFiles(directory: URL(fileURLWithPath: path + "-images"))
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(pool)
        } catch {
            throw StoreError(.database, "cannot open \(path): \(error)")
        }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: applications and jobs") { db in
            try db.execute(
                sql: """
                    CREATE TABLE application (
                        id TEXT PRIMARY KEY,
                        key_hash BLOB NOT NULL,
                        mode TEXT NOT NULL CHECK (mode IN ('live', 'testing', 'sandbox')),
                        quota_remaining INTEGER
                    );
                    CREATE TABLE job (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        application_id TEXT NOT NULL,
                        reference_id TEXT NOT NULL,
                        state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done')),
                        attempt INTEGER NOT NULL DEFAULT 0,
                        options TEXT NOT NULL,
                        image BLOB,
                        sandbox_image TEXT,
                        submitted_at DOUBLE NOT NULL,
                        run_after DOUBLE NOT NULL,
                        lease_owner TEXT,
                        lease_expires_at DOUBLE,
                        completed_at DOUBLE,
                        result TEXT,
                        UNIQUE (application_id, reference_id)
                    );
                    CREATE INDEX job_runnable ON job (state, run_after, id);
                    """)
        }
        migrator.registerMigration("v2: callbacks") { db in
            try db.execute(
                sql: """
                    CREATE TABLE callback (
                        job_id INTEGER PRIMARY KEY REFERENCES job (id) ON DELETE CASCADE,
                        url TEXT NOT NULL,
                        body TEXT NOT NULL,
                        state TEXT NOT NULL CHECK (state IN ('PENDING', 'DELIVERED', 'FAILED')),
                        attempts INTEGER NOT NULL DEFAULT 0,
                        next_attempt_at DOUBLE NOT NULL,
                        lease_owner TEXT,
                        lease_expires_at DOUBLE
                    );
                    CREATE INDEX callback_due ON callback (state, next_attempt_at);
                    CREATE TABLE callback_attempt (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        job_id INTEGER NOT NULL REFERENCES callback (job_id) ON DELETE CASCADE,
                        at DOUBLE NOT NULL,
                        http_status INTEGER,
                        latency_ms INTEGER NOT NULL,
                        error TEXT
                    );
                    """)
        }
        migrator.registerMigration("v3: images in files") { db in
            try db.execute(sql: "ALTER TABLE job ADD COLUMN image_file TEXT")
        }
        // The quota as set and the extractions used, apart: saving an application sets the first
        // and keeps the second. What was left before becomes the quota, with nothing used.
        migrator.registerMigration("v4: quota used") { db in
            try db.execute(
                sql: """
                    ALTER TABLE application RENAME COLUMN quota_remaining TO quota;
                    ALTER TABLE application ADD COLUMN quota_used INTEGER NOT NULL DEFAULT 0;
                    """)
        }
        // The sandbox lane's claim finds its few jobs here rather than among a backlog of photos.
        migrator.registerMigration("v5: sandbox lane") { db in
            try db.execute(
                sql: """
                    CREATE INDEX job_runnable_sandbox ON job (state, run_after, id) WHERE sandbox_image IS NOT NULL
                    """)
        }
        return migrator
    }

    func read<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws(StoreError) -> T {
        do {
            return try await pool.read(body)
        } catch {
            throw StoreError(.database, "\(error)")
        }
    }

    func write<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws(StoreError) -> T {
        do {
            return try await pool.write(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.database, "\(error)")
        }
    }
}

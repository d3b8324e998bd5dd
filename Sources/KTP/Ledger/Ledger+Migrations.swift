import Foundation
import GRDB

extension Ledger {
    /// The ledger's migrations; a migration that moves kept photos writes them into `photos`.
    static func migrator(photos: PhotoFolder) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: submissions, events and photos") { db in
            try db.execute(
                sql: """
                    CREATE TABLE submission (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        api TEXT NOT NULL,
                        app_id TEXT NOT NULL,
                        reference_id TEXT NOT NULL,
                        photo_sha256 TEXT,
                        photo_url TEXT,
                        options TEXT NOT NULL,
                        state TEXT NOT NULL CHECK (state IN ('pending', 'complete', 'failed')),
                        error_code TEXT,
                        error_message TEXT,
                        result TEXT,
                        nik TEXT,
                        full_name TEXT,
                        submitted_at DOUBLE NOT NULL,
                        updated_at DOUBLE NOT NULL,
                        completed_at DOUBLE,
                        reprocess_of TEXT,
                        next_poll_at DOUBLE,
                        poll_count INTEGER NOT NULL DEFAULT 0,
                        revision INTEGER NOT NULL,
                        UNIQUE (api, app_id, reference_id)
                    );
                    CREATE INDEX submission_revision ON submission (revision);
                    CREATE INDEX submission_due ON submission (state, next_poll_at);
                    CREATE INDEX submission_lineage ON submission (reprocess_of);
                    CREATE TABLE event (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        submission_id INTEGER NOT NULL REFERENCES submission (id) ON DELETE CASCADE,
                        at DOUBLE NOT NULL,
                        kind TEXT NOT NULL,
                        detail TEXT NOT NULL
                    );
                    CREATE INDEX event_submission ON event (submission_id, id);
                    CREATE TABLE photo (
                        sha256 TEXT PRIMARY KEY,
                        bytes BLOB NOT NULL,
                        expires_at DOUBLE NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v2: summary columns") { db in
            // Lists read these instead of decoding every result body.
            try db.execute(
                sql: """
                    ALTER TABLE submission ADD COLUMN quality TEXT;
                    ALTER TABLE submission ADD COLUMN processing_seconds DOUBLE;
                    """)
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM submission WHERE result IS NOT NULL")
            for row in rows {
                let summary = try Ledger.submission(row).summary
                try db.execute(
                    sql: "UPDATE submission SET quality = ?, processing_seconds = ? WHERE id = ?",
                    arguments: [summary.quality?.conditionCode, summary.processingTime, summary.id])
            }
        }
        migrator.registerMigration("v3: photos in files, kept by outcome") { db in
            // What a submission's photo is kept for after it ends, in seconds; pending ones keep theirs.
            try db.execute(
                sql: """
                    ALTER TABLE submission ADD COLUMN keep_photo_failed DOUBLE NOT NULL DEFAULT 0;
                    ALTER TABLE submission ADD COLUMN keep_photo_succeeded DOUBLE NOT NULL DEFAULT 0;
                    CREATE INDEX submission_photo ON submission (photo_sha256) WHERE photo_sha256 IS NOT NULL;
                    """)
            // Photos kept inside the database move out into files, each kept until its old expiry.
            let kept = try Row.fetchAll(db, sql: "SELECT sha256, bytes, expires_at FROM photo")
            for row in kept {
                let sha: String = row["sha256"]
                let bytes: Data = row["bytes"]
                try photos.store([UInt8](bytes), sha256: sha)
                try db.execute(
                    sql: """
                        UPDATE submission SET
                            keep_photo_failed = MAX(0, ? - COALESCE(completed_at, submitted_at)),
                            keep_photo_succeeded = MAX(0, ? - COALESCE(completed_at, submitted_at))
                        WHERE photo_sha256 = ?
                        """,
                    arguments: [row["expires_at"] as Double, row["expires_at"] as Double, sha])
            }
            try db.execute(sql: "DROP TABLE photo")
        }
        return migrator
    }
}

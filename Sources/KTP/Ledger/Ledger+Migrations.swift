import GRDB

extension Ledger {
    static var migrator: DatabaseMigrator {
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
        return migrator
    }
}

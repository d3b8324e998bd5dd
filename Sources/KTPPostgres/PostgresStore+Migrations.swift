import KTPServer
import PostgresNIO

extension PostgresStore {
    /// One version of the schema: its statements run in one transaction with its row in
    /// `schema_migration`.
    struct Migration: Sendable {
        let version: Int
        let name: String
        let statements: [String]
    }

    /// Any key of the project's own: the migrations hold this advisory lock.
    static let migrationLock: Int64 = 0x6B74_7073_6368_656D

    static let migrations: [Migration] = [
        Migration(
            version: 1, name: "applications, jobs, photos and callbacks",
            statements: [
                """
                CREATE TABLE application (
                    id text PRIMARY KEY,
                    key_hash bytea NOT NULL,
                    mode text NOT NULL CHECK (mode IN ('live', 'testing', 'sandbox')),
                    quota bigint,
                    quota_used bigint NOT NULL DEFAULT 0
                )
                """,
                """
                CREATE TABLE job (
                    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    application_id text NOT NULL,
                    reference_id text NOT NULL,
                    state text NOT NULL CHECK (state IN ('queued', 'running', 'done')),
                    attempt bigint NOT NULL DEFAULT 0,
                    options text NOT NULL,
                    sandbox_image text,
                    submitted_at timestamptz NOT NULL,
                    run_after timestamptz NOT NULL,
                    lease_owner text,
                    lease_expires_at timestamptz,
                    completed_at timestamptz,
                    result text,
                    UNIQUE (application_id, reference_id)
                )
                """,
                // Each lane's claim reads only its own queued jobs, oldest first.
                """
                CREATE INDEX job_runnable ON job (run_after, id)
                    WHERE state = 'queued' AND sandbox_image IS NULL
                """,
                """
                CREATE INDEX job_runnable_sandbox ON job (run_after, id)
                    WHERE state = 'queued' AND sandbox_image IS NOT NULL
                """,
                "CREATE INDEX job_leased ON job (lease_expires_at) WHERE state = 'running'",
                "CREATE INDEX job_done ON job (completed_at) WHERE state = 'done'",
                """
                CREATE TABLE job_image (
                    job_id bigint PRIMARY KEY REFERENCES job (id) ON DELETE CASCADE,
                    bytes bytea NOT NULL
                )
                """,
                """
                CREATE TABLE callback (
                    job_id bigint PRIMARY KEY REFERENCES job (id) ON DELETE CASCADE,
                    url text NOT NULL,
                    body text NOT NULL,
                    state text NOT NULL CHECK (state IN ('PENDING', 'DELIVERED', 'FAILED')),
                    attempts bigint NOT NULL DEFAULT 0,
                    next_attempt_at timestamptz NOT NULL,
                    lease_owner text,
                    lease_expires_at timestamptz
                )
                """,
                "CREATE INDEX callback_due ON callback (next_attempt_at) WHERE state = 'PENDING'",
                """
                CREATE TABLE callback_attempt (
                    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    job_id bigint NOT NULL REFERENCES callback (job_id) ON DELETE CASCADE,
                    at timestamptz NOT NULL,
                    http_status bigint,
                    latency_ms bigint NOT NULL,
                    error text
                )
                """,
                "CREATE INDEX callback_attempt_job ON callback_attempt (job_id, id)",
            ])
    ]

    /// Applies the migrations this database lacks, in order. The transaction takes an advisory
    /// lock first, so that processes starting together apply each version once: the second waits,
    /// then finds it applied. PostgreSQL's DDL is transactional, so a failed version leaves nothing.
    func migrate() async throws(StoreError) {
        let logger = self.logger
        let pending = try await transaction { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(Self.migrationLock))", logger: logger)
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS schema_migration (
                    version bigint PRIMARY KEY,
                    name text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, logger: logger)
            var applied: Set<Int> = []
            for try await version in try await connection.query(
                "SELECT version FROM schema_migration", logger: logger
            ).decode(Int.self) {
                applied.insert(version)
            }
            var pending: [Int] = []
            for migration in Self.migrations where !applied.contains(migration.version) {
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query(
                    "INSERT INTO schema_migration (version, name) VALUES (\(migration.version), \(migration.name))",
                    logger: logger)
                pending.append(migration.version)
            }
            return pending
        }
        if !pending.isEmpty { logger.info("migrated the database", metadata: ["versions": "\(pending)"]) }
    }
}

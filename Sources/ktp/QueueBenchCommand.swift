import ArgumentParser
import Foundation
import KTPPostgres
import KTPQueueBench
import KTPServer
import Logging

/// `ktp queue-bench`: the job store alone, on SQLite and PostgreSQL, beside pgbench.
struct QueueBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue-bench",
        abstract: "Measure the job store alone: enqueues and claim-completes per second, SQLite and PostgreSQL.",
        discussion: """
            The job body is a no-op. Each round enqueues --jobs jobs (each with a 1 KiB photo) from as many \
            submitters as workers, then that many workers claim and complete them until none is left. \
            SQLite runs on a temporary file. PostgreSQL runs only with --database, and no server is \
            started: name a database of the bench's own, since each round deletes every finished job in \
            it and pgbench -i writes its pgbench_* tables there. After each PostgreSQL round, pgbench -S \
            with as many clients (-j 2) measures the server's select-only TPS, the machine's ceiling. \
            Prints a Markdown table on stdout.
            """
    )

    @Option(
        help: ArgumentHelp(
            "A PostgreSQL database of the bench's own: postgres://USER[:PASSWORD]@HOST[:PORT]/NAME.",
            valueName: "url"))
    var database: String?

    @Option(help: "Jobs per round.")
    var jobs = 5000

    @Option(parsing: .upToNextOption, help: "The worker counts to measure.")
    var workers: [Int] = [1, 2, 4, 8]

    @Option(help: "Seconds of each pgbench run.")
    var pgbenchSeconds = 10

    @Option(help: "The pgbench program: a path, or a name looked up in $PATH and /usr/lib/postgresql/*/bin.")
    var pgbench = "pgbench"

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard !workers.isEmpty, workers.allSatisfy({ $0 >= 1 }) else {
            throw ValidationError("--workers must be counts of at least 1")
        }
        guard pgbenchSeconds >= 1 else { throw ValidationError("--pgbench-seconds must be at least 1") }
        if let database, !DatabaseURL.isPostgres(database) {
            throw ValidationError("--database must be a postgres:// URL; SQLite always runs on a temporary file")
        }
    }

    func run() async throws {
        let bench = QueueBench(jobs: jobs)
        var rounds: [QueueBenchRound] = []
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ktp-queue-bench-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sqlite = try SQLiteStore(path: folder.appendingPathComponent("queue.sqlite").path)
        for count in workers {
            Diagnostics.progress("SQLite, \(count) workers…")
            rounds.append(try await bench.round(store: sqlite, named: "SQLite", workers: count))
        }
        if let database {
            let url = try DatabaseURL(database)
            let store = try await PostgresStore.connect(url: database, logger: Logger(label: "ktp.queue-bench"))
            let pgbench = Pgbench(
                executable: try Self.locate(self.pgbench), environment: url.libpqEnvironment, seconds: pgbenchSeconds)
            Diagnostics.progress("pgbench -i…")
            try pgbench.initialise()
            for count in workers {
                Diagnostics.progress("PostgreSQL, \(count) workers…")
                var round = try await bench.round(store: store, named: "PostgreSQL", workers: count)
                Diagnostics.progress("pgbench -S -c \(count)…")
                round.pgbenchTPS = try pgbench.selectOnlyTPS(clients: count)
                rounds.append(round)
            }
        }
        Diagnostics.progress("")
        Diagnostics.say(QueueBenchReport.markdown(rounds))
    }

    /// `program`'s path: as given when it has a slash, else the first found in $PATH, then in
    /// Debian's PostgreSQL folders, newest version first.
    static func locate(_ program: String) throws -> String {
        if program.contains("/") { return program }
        let manager = FileManager.default
        let path = ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":").map(String.init) ?? []
        let versions = (try? manager.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        let debian = versions.sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }.map { "/usr/lib/postgresql/\($0)/bin" }
        guard let found = (path + debian).map({ "\($0)/\(program)" }).first(where: manager.isExecutableFile)
        else { throw CLIError("\(program) not found; install postgresql-contrib or pass --pgbench PATH") }
        return found
    }
}

import ArgumentParser
import Foundation
import KTPPostgres
import KTPServer
import Logging

/// Where the service keeps its applications, jobs and callbacks: a SQLite file for one process,
/// or a PostgreSQL database that several `ktp serve` processes share.
struct DatabaseOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            """
            The database: a SQLite file, or postgres://USER[:PASSWORD]@HOST[:PORT]/NAME for a PostgreSQL that \
            several ktp serve processes share, with ?sslmode=disable|prefer|require and &pool_size=N (the most \
            connections this process opens, 2 to 1000; default 20). Default: $KTP_DATABASE_URL, else \
            $XDG_DATA_HOME/ktp/server.sqlite.
            """, valueName: "path-or-url"))
    var database: String?

    /// The path or URL in force.
    func location() throws -> String {
        if let database { return database }
        if let url = ProcessInfo.processInfo.environment["KTP_DATABASE_URL"], !url.isEmpty { return url }
        return try DataDirectory.file("server.sqlite")
    }

    /// The location as it may be shown: a URL's password is left out.
    static func shown(_ location: String) -> String {
        guard DatabaseURL.isPostgres(location), var url = URLComponents(string: location), url.password != nil
        else { return location }
        url.password = nil
        return url.string ?? location
    }

    /// The store's logger for commands that change or show a few rows (`apps`, `callbacks`):
    /// warnings and errors only, so that the migration's and PostgresNIO's info lines do not
    /// crowd their output. `ktp serve` logs at swift-log's default level instead.
    static var quietLogger: Logger {
        var logger = Logger(label: "ktp.store")
        logger.logLevel = .warning
        return logger
    }

    /// Opens the store: PostgreSQL for a postgres:// URL (migrated, or a clear error when the URL is
    /// wrong or no server answers), else the SQLite file at the path.
    // Inlined into a command's `run`, Swift 6.3's release optimiser crashes splitting the coroutine.
    @inline(never)
    func open(logger: Logger = quietLogger) async throws -> any ServiceStore {
        let location = try location()
        if DatabaseURL.isPostgres(location) {
            return try await PostgresStore.connect(url: location, logger: logger)
        }
        // Any other scheme is a mistyped URL, not a file name.
        if location.contains("://") { throw PostgresStartupError(.invalidURL, "only postgres:// URLs are supported") }
        return try SQLiteStore(path: location)
    }
}

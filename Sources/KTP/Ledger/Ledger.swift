import Foundation
import GRDB

/// The durable record of every submission and its timeline, in one SQLite file (WAL) that several
/// processes share. Every write bumps a global revision, which is how watchers in other processes
/// see changes without a server.
public final class Ledger: Sendable {
    let pool: DatabasePool
    public let path: String
    /// The photos kept for reprocessing, beside the file (see ``PhotoRetention``).
    public let photos: PhotoFolder

    /// Opens (creating folders and file if needed) and migrates the ledger at `path`.
    public init(path: String) throws(LedgerError) {
        self.path = path
        let photos = try PhotoFolder(path: PhotoFolder.path(forLedgerAt: path))
        self.photos = photos
        do {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA foreign_keys = ON") }
            pool = try Self.open(path: path, configuration: configuration, migrator: Self.migrator(photos: photos))
        } catch let error as LedgerError {
            throw error
        } catch {
            throw LedgerError(.database, "cannot open the ledger at \(path): \(error)")
        }
    }

    /// Opens the pool and runs the migrations. Two processes creating a ledger together collide: one finds the
    /// file locked while the other switches it to WAL, or both find a migration unapplied and the later fails on
    /// what the earlier made. Each failure means the other process moved the ledger on, so the next look goes
    /// further: as many looks as there are migrations, a moment apart.
    static func open(path: String, configuration: Configuration, migrator: DatabaseMigrator) throws -> DatabasePool {
        var attempt = 1
        while true {
            do {
                let pool = try DatabasePool(path: path, configuration: configuration)
                try migrator.migrate(pool)
                return pool
            } catch where attempt <= migrator.migrations.count {
                Thread.sleep(forTimeInterval: 0.05 * Double(attempt))
                attempt += 1
            }
        }
    }

    /// `$XDG_DATA_HOME/ktp/ledger.sqlite`, or `~/.local/share/ktp/ledger.sqlite`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        dataDirectory(environment: environment).appendingPathComponent("ledger.sqlite").path
    }

    /// The user's data directory for `ktp` (XDG).
    public static func dataDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("ktp")
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/share/ktp")
    }

    /// Runs a write transaction, mapping GRDB's errors to ``LedgerError``.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(LedgerError) -> T {
        do {
            return try await pool.write(body)
        } catch let error as LedgerError {
            throw error
        } catch is CancellationError {
            throw LedgerError(.cancelled, "cancelled: nothing was done")
        } catch {
            throw LedgerError(.database, "\(error)")
        }
    }

    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(LedgerError) -> T {
        do {
            return try await pool.read(body)
        } catch let error as LedgerError {
            throw error
        } catch is CancellationError {
            throw LedgerError(.cancelled, "cancelled: nothing was done")
        } catch {
            throw LedgerError(.database, "\(error)")
        }
    }
}

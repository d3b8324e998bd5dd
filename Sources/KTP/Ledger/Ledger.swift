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
            pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator(photos: photos).migrate(pool)
        } catch let error as LedgerError {
            throw error
        } catch {
            throw LedgerError(.database, "cannot open the ledger at \(path): \(error)")
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

import Foundation

/// The photos a ledger keeps for reprocessing: one file per photo, named by its SHA-256, readable by the
/// owner only (files 0600 in a 0700 folder). Which photos stay is the ledger's business; this only stores.
public struct PhotoFolder: Sendable, Hashable {
    public let path: String

    /// Opens the folder at `path`, creating it, and making it the owner's alone if it was not.
    public init(path: String) throws(LedgerError) {
        self.path = path
        do {
            try FileManager.default.createDirectory(
                atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: path)
        } catch {
            throw LedgerError(.photoFile, "cannot make the photo folder \(path): \(error.localizedDescription)")
        }
    }

    /// Where the ledger at `ledgerPath` keeps its photos: beside it, named after it.
    public static func path(forLedgerAt ledgerPath: String) -> String {
        URL(fileURLWithPath: ledgerPath).deletingPathExtension().path + "-photos"
    }

    /// Writes the photo whole or not at all (a temporary file renamed into place), then makes it 0600; until
    /// then the folder's 0700 is what keeps others out.
    func store(_ bytes: [UInt8], sha256: String) throws(LedgerError) {
        let target = try file(sha256)
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: target), options: .atomic)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: target)
        } catch {
            throw LedgerError(.photoFile, "cannot keep the photo \(target): \(error.localizedDescription)")
        }
    }

    /// The photo's bytes, or `nil` when there is no such file.
    func load(sha256: String) throws(LedgerError) -> [UInt8]? {
        let target = try file(sha256)
        guard FileManager.default.fileExists(atPath: target) else { return nil }
        guard let data = FileManager.default.contents(atPath: target) else {
            throw LedgerError(.photoFile, "cannot read the kept photo \(target)")
        }
        return [UInt8](data)
    }

    /// Deletes the photo; one already gone is not an error.
    func remove(sha256: String) throws(LedgerError) {
        let target = try file(sha256)
        do {
            try FileManager.default.removeItem(atPath: target)
        } catch where !FileManager.default.fileExists(atPath: target) {
            return
        } catch {
            throw LedgerError(.photoFile, "cannot delete the kept photo \(target): \(error.localizedDescription)")
        }
    }

    /// The names (SHA-256s) of the photos stored; a write's temporary file is not one.
    func names() throws(LedgerError) -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: path).filter(Self.isName)
        } catch {
            throw LedgerError(.photoFile, "cannot list the photo folder \(path): \(error.localizedDescription)")
        }
    }

    private func file(_ sha256: String) throws(LedgerError) -> String {
        guard Self.isName(sha256) else { throw LedgerError(.photoFile, "not a photo's name: \(sha256.prefix(80))") }
        return path + "/" + sha256
    }

    /// A digest in hex or another plain token: nothing that can leave the folder or be a temporary file.
    static func isName(_ name: String) -> Bool {
        (1...128).contains(name.utf8.count)
            && name.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
            }
    }
}

import Foundation

/// Photos as files in one directory beside the database, each named by a random token that
/// its job row holds. A megabyte per photo through SQLite's single writer, its WAL and the
/// checkpoint that copies the WAL again was what bounded the accept path (about 70 submits/s
/// on this project's machine); files are written in parallel, off that writer.
///
/// A file is written before the row that names it and deleted after the row stops naming it,
/// so a crash leaves at most an unnamed file, which ``removeOrphans(keeping:olderThan:)``
/// clears. Like the database in WAL mode with `synchronous = NORMAL`, a file survives a crash
/// of the process, not of the machine.
struct ImageFiles: Sendable {
    let directory: URL

    init(directory: URL) throws(StoreError) {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw StoreError(.database, "cannot create \(directory.path): \(error)")
        }
        self.directory = directory
    }

    /// Writes `bytes` to a new file; returns its name.
    func write(_ bytes: [UInt8]) async throws(StoreError) -> String {
        let name = UUID().uuidString.lowercased()
        let path = directory.appendingPathComponent(name).path
        let failure: String? = await Self.offThread {
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            guard fd >= 0 else { return "cannot create \(path): errno \(errno)" }
            defer { close(fd) }
            return bytes.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        return "cannot write \(path): errno \(errno)"
                    }
                    offset += written
                }
                return nil
            }
        }
        if let failure {
            remove(name)
            throw StoreError(.database, failure)
        }
        return name
    }

    /// The bytes of the file `name`, or `nil` when it is gone.
    func read(_ name: String) async -> [UInt8]? {
        let url = directory.appendingPathComponent(name)
        return await Self.offThread { (try? Data(contentsOf: url)).map { [UInt8]($0) } }
    }

    func remove(_ name: String) {
        unlink(directory.appendingPathComponent(name).path)
    }

    /// Deletes the files no row names that are older than `age` (younger ones may belong to a
    /// submit in flight in another process on the same database); returns how many.
    func removeOrphans(keeping names: Set<String>, olderThan age: TimeInterval) -> Int {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        let cutoff = Date().addingTimeInterval(-age)
        var removed = 0
        for name in files where !names.contains(name) {
            let path = directory.appendingPathComponent(name).path
            let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
            if let modified, modified < cutoff {
                remove(name)
                removed += 1
            }
        }
        return removed
    }

    /// Runs blocking file I/O on a dispatch thread rather than one of the few cooperative ones.
    private static func offThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: work()) }
        }
    }
}

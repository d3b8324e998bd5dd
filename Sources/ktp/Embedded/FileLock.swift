import Foundation
import Glibc

/// An advisory lock on a file (`flock`). The kernel drops it when its holder ends, however it ends, so a
/// killed process never leaves a lock behind. Foundation has no file locks; this is the one system call.
struct FileLock: Sendable {
    enum Kind {
        /// Many holders at once: each process that uses the embedded service holds one.
        case shared
        /// One holder: starting or stopping the service.
        case exclusive
    }

    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Takes the lock on `path` (created 0600 if missing) at once, or `nil` when another holder has it.
    static func attempt(_ kind: Kind, at path: String) throws -> FileLock? {
        // Close-on-exec: a service this process spawns must not inherit, and so hold, its locks.
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw CLIError("cannot open \(path): \(String(cString: strerror(errno)))") }
        guard flock(descriptor, (kind == .shared ? LOCK_SH : LOCK_EX) | LOCK_NB) == 0 else {
            let reason = errno
            close(descriptor)
            guard reason == EWOULDBLOCK else {
                throw CLIError("cannot lock \(path): \(String(cString: strerror(reason)))")
            }
            return nil
        }
        return FileLock(descriptor: descriptor)
    }

    /// Takes the lock on `path`, waiting for other holders for up to `timeout`.
    static func acquire(_ kind: Kind, at path: String, timeout: Duration) async throws -> FileLock {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let lock = try attempt(kind, at: path) { return lock }
            guard ContinuousClock.now < deadline else {
                throw CLIError("another ktp process has held \(path) for over \(timeout); try again")
            }
            try await Task.sleep(for: .milliseconds(25))
        }
    }

    func release() {
        close(descriptor)
    }
}

import Foundation

/// Notes and progress for a person at a terminal, on stderr so stdout stays machine-readable.
enum Diagnostics {
    static func note(_ message: String) {
        FileHandle.standardError.write(Data("note: \(message)\n".utf8))
    }

    /// Rewrites one status line in place; `done` ends it.
    static func progress(_ message: String, done: Bool = false) {
        FileHandle.standardError.write(Data("\r\u{1B}[K\(message)\(done ? "\n" : "")".utf8))
    }
}

import Foundation

/// Lines for a person at a terminal: notes and progress on stderr, so stdout stays machine-readable.
enum Diagnostics {
    /// A line on stdout, written at once even when stdout is a pipe.
    static func say(_ message: String) {
        FileHandle.standardOutput.write(Data((message + "\n").utf8))
    }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data("note: \(message)\n".utf8))
    }

    /// Rewrites one status line in place; `done` ends it.
    static func progress(_ message: String, done: Bool = false) {
        FileHandle.standardError.write(Data("\r\u{1B}[K\(message)\(done ? "\n" : "")".utf8))
    }
}

import Foundation
import Glibc
import KTP
import KTPDashboard

/// Writes `:export csv` to its file, off the dashboard's reducer, a chunk of rows at a time so that the
/// screen can show how far it got. The file appears whole or not at all: it is written beside its path and
/// renamed over it at the end.
public enum CSVFileExport {
    /// Rows written between two progress reports.
    public static let chunk = 5000

    /// Writes `rows` as ``CSVExport`` text to `path`, calling `progress` with the rows written so far after
    /// each chunk.
    public static func write(
        _ rows: [SubmissionSummary], to path: String, progress: (Int) -> Void = { _ in }
    ) throws {
        let partial = path + ".partial-\(getpid())"
        guard FileManager.default.createFile(atPath: partial, contents: nil) else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        do {
            let file = try FileHandle(forWritingTo: URL(fileURLWithPath: partial))
            defer { try? file.close() }
            try file.write(contentsOf: Data((CSVExport.header + "\n").utf8))
            var written = 0
            while written < rows.count {
                let end = min(rows.count, written + chunk)
                var text = ""
                for row in rows[written..<end] {
                    text += CSVExport.line(row)
                    text += "\n"
                }
                try file.write(contentsOf: Data(text.utf8))
                written = end
                progress(written)
            }
            try file.synchronize()
            guard rename(partial, path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            unlink(partial)
            throw error
        }
    }
}

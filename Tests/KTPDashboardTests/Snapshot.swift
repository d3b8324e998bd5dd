import Foundation
import Testing

/// Text snapshots under `Snapshots/`, compared exactly; `KTP_RECORD_SNAPSHOTS=1` (re)writes them.
enum Snapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Snapshots")

    static func check(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let file = directory.appendingPathComponent(name + ".txt")
        let actual = text + "\n"
        if ProcessInfo.processInfo.environment["KTP_RECORD_SNAPSHOTS"] == "1" {
            do {
                try actual.write(to: file, atomically: true, encoding: .utf8)
            } catch {
                Issue.record("cannot record \(file.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record(
                "missing snapshot \(name).txt: run with KTP_RECORD_SNAPSHOTS=1 and check it by eye",
                sourceLocation: sourceLocation)
            return
        }
        guard actual != expected else { return }
        let (got, want) = (
            actual.split(separator: "\n", omittingEmptySubsequences: false),
            expected.split(separator: "\n", omittingEmptySubsequences: false)
        )
        let line = Array(zip(got, want)).firstIndex { $0 != $1 } ?? min(got.count, want.count)
        Issue.record(
            """
            snapshot \(name) differs at line \(line + 1):
              want: \(line < want.count ? String(want[line]) : "<end>")
              got:  \(line < got.count ? String(got[line]) : "<end>")
            """, sourceLocation: sourceLocation)
    }
}

import KTP

/// Follows submissions until each has a final state, with a progress line. The tracker must be running.
enum ResultWaiter {
    static func wait(for entries: [Submission], tracker: Tracker) async throws -> [Submission] {
        let start = try await tracker.ledger.latestRevision()
        var latest: [Int64: Submission] = [:]
        for entry in entries { latest[entry.id] = try await tracker.ledger.submission(id: entry.id) ?? entry }
        var shown = ""
        func report(done: Bool = false) {
            let ended = latest.values.filter(\.state.isTerminal)
            let failed = ended.filter { $0.state == .failed }.count
            let line = "ended \(ended.count)/\(latest.count) (\(ended.count - failed) complete, \(failed) failed)"
            if line != shown || done { Diagnostics.progress(line, done: done) }
            shown = line
        }
        report()
        if latest.values.contains(where: { !$0.state.isTerminal }) {
            for await change in tracker.changes(after: start) where latest[change.id] != nil {
                latest[change.id] = change
                report()
                if latest.values.allSatisfy(\.state.isTerminal) { break }
            }
        }
        report(done: true)
        return entries.map { latest[$0.id] ?? $0 }
    }
}

import GRDB

extension Ledger {
    /// Every summary in the ledger, in pages of at most `size`, read in one snapshot: first the newest `size`
    /// by submission time (what a list shows first), then all the others newest id first. Rows are decoded
    /// one at a time from a cursor, so neither the ledger's rows nor their result bodies are ever held whole.
    public func summaryPages(size: Int = 2000) -> AsyncThrowingStream<[SubmissionSummary], any Error> {
        let size = max(1, size)
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: [SubmissionSummary].self)
        let reading = Task {
            do {
                try await read { db in
                    // A top-N scan, not a sort of the whole table: submitted_at has no index.
                    let first = try Row.fetchCursor(
                        db,
                        sql: """
                            SELECT \(Self.summaryColumns) FROM submission
                            ORDER BY submitted_at DESC, id DESC LIMIT ?
                            """,
                        arguments: [size])
                    var page = try Array(first.map(Self.summary))
                    let shown = Set(page.map(\.id))
                    continuation.yield(page)
                    page.removeAll(keepingCapacity: true)
                    // The rowid order needs no sort; the list sorts what it receives.
                    let rest = try Row.fetchCursor(
                        db, sql: "SELECT \(Self.summaryColumns) FROM submission ORDER BY id DESC")
                    while let row = try rest.next() {
                        let summary = Self.summary(row)
                        guard !shown.contains(summary.id) else { continue }
                        page.append(summary)
                        if page.count == size {
                            continuation.yield(page)
                            page.removeAll(keepingCapacity: true)
                        }
                    }
                    if !page.isEmpty { continuation.yield(page) }
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        // GRDB interrupts the read when its task is cancelled.
        continuation.onTermination = { _ in reading.cancel() }
        return stream
    }

    /// How many submissions the ledger holds.
    public func count() async throws(LedgerError) -> Int {
        try await read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM submission") ?? 0 }
    }
}

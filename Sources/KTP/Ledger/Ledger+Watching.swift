extension Ledger {
    /// Every submission that changes after `revision` (by default: from now on), as it changes. It reads the
    /// file every `interval`, so writes from other processes show as soon as this process's own.
    public func watch(
        after revision: Int64? = nil, every interval: Duration = .milliseconds(250)
    )
        -> AsyncStream<Submission>
    {
        let (stream, continuation) = AsyncStream.makeStream(of: Submission.self, bufferingPolicy: .unbounded)
        let task = Task {
            var seen: Int64
            if let revision {
                seen = revision
            } else {
                seen = (try? await latestRevision()) ?? 0
            }
            while !Task.isCancelled {
                if let changed = try? await changes(after: seen), !changed.isEmpty {
                    changed.forEach { continuation.yield($0) }
                    seen = changed.last?.revision ?? seen
                    if changed.count >= 1000 { continue }
                }
                try? await Task.sleep(for: interval)
            }
            continuation.finish()
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }
}

import Synchronization

/// Tells idle workers that a job may be waiting, so that they claim at once rather than at their
/// next poll: a submit to this process, or (in PostgreSQL, by `NOTIFY`) to any process. Polling
/// stays the fallback, so a signal lost costs one poll interval, never a job.
public final class JobSignal: Sendable {
    private enum Waiter {
        case waiting(CheckedContinuation<Void, Never>)
        /// Cancelled before it began to wait: it must not start.
        case cancelled
    }

    private let waiters = Mutex<[UInt64: Waiter]>([:])
    private let lastID = Atomic<UInt64>(0)

    public init() {}

    /// Wakes every worker waiting now.
    public func signal() {
        let woken = waiters.withLock { waiters -> [CheckedContinuation<Void, Never>] in
            var woken: [CheckedContinuation<Void, Never>] = []
            for (id, waiter) in waiters {
                if case .waiting(let continuation) = waiter {
                    woken.append(continuation)
                    waiters[id] = nil
                }
            }
            return woken
        }
        woken.forEach { $0.resume() }
    }

    /// Returns at the next signal, or after `limit`, or when the task is cancelled.
    public func wait(upTo limit: Duration) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await Task.sleep(for: limit) }
            group.addTask { await self.next() }
            await group.next()
            group.cancelAll()
        }
    }

    private func next() async {
        let id = lastID.add(1, ordering: .relaxed).newValue
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let cancelled = waiters.withLock { waiters -> Bool in
                    if case .cancelled = waiters[id] { return true }
                    waiters[id] = .waiting(continuation)
                    return false
                }
                if cancelled { continuation.resume() }
            }
        } onCancel: {
            let continuation = waiters.withLock { waiters -> CheckedContinuation<Void, Never>? in
                if case .waiting(let continuation) = waiters[id] {
                    waiters[id] = nil
                    return continuation
                }
                waiters[id] = .cancelled
                return nil
            }
            continuation?.resume()
        }
        // A cancellation after a signal leaves a mark that nothing else removes.
        waiters.withLock { $0[id] = nil }
    }
}

import Hummingbird
import NIOCore

/// The unread rest of a request body refused for its size, discarded before the connection
/// closes so that the client can read the answer (ours): closing a socket with unread input
/// resets the connection, and the reset can destroy the answer before the client reads it.
///
/// `@unchecked Sendable`: the route handler that read the body's start makes it and discards
/// the rest itself before answering; inside `discard` one child task iterates while the handler
/// waits. The iterator is never used by two tasks at once.
final class UnreadBody: @unchecked Sendable {
    private var iterator: RequestBody.AsyncIterator

    init(_ iterator: RequestBody.AsyncIterator) {
        self.iterator = iterator
    }

    /// Reads and drops the rest of the body; `true` when it ended within `limit` bytes and
    /// `deadline`, `false` when either ran out first or the client went away.
    func discard(limit: Int, deadline: Duration) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                var discarded = 0
                do {
                    while let chunk = try await self.iterator.next() {
                        discarded += chunk.readableBytes
                        if discarded > limit { return false }
                    }
                    return true
                } catch {
                    return false
                }
            }
            group.addTask {
                try? await Task.sleep(for: deadline)
                return false
            }
            let ended = await group.next() ?? false
            group.cancelAll()
            return ended
        }
    }
}

/// Thrown while reading a request body over ``ExtractionAPI/maxBodyBytes``, with the part not
/// read yet.
struct OversizedBody: Error {
    let rest: UnreadBody
    /// The client sent `Expect: 100-continue` and waits: none of the body is on its way.
    let clientWaits: Bool
}

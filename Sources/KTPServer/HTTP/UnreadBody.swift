import Hummingbird
import NIOCore

/// The unread rest of a request body refused for its size, discarded before the connection
/// closes so that the client can read the answer (ours): closing a socket with unread input
/// resets the connection, and the reset can destroy the answer before the client reads it.
///
/// `@unchecked Sendable`: the route handler makes it and returns it inside its response;
/// Hummingbird then runs that response's body writer in the same request task after the handler
/// has returned, so the iterator is only ever used by one task at a time.
final class UnreadBody: @unchecked Sendable {
    /// Discard at most this much (64 MiB) …
    static let discardLimit = 64 << 20
    /// … for at most this long, then close the connection.
    static let discardDeadline: Duration = .seconds(10)

    private var iterator: RequestBody.AsyncIterator

    init(_ iterator: RequestBody.AsyncIterator) {
        self.iterator = iterator
    }

    /// Reads and drops the rest of the body; `true` when it ended within `limit` bytes and
    /// `deadline`, `false` when either ran out first or the client went away.
    func discard(limit: Int = discardLimit, deadline: Duration = discardDeadline) async -> Bool {
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
}

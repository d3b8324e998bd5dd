import Foundation
import Synchronization

/// How many callback deliveries may be in flight: at most `total` at once and `perReceiver` to
/// any one receiver (scheme, host and port), so that slow or dead receivers hold only their own
/// slots and every other application's callbacks keep going. Shared by the dispatcher's loop,
/// which takes slots, and its delivery tasks, which give them back.
final class ReceiverSlots: Sendable {
    private struct Counts {
        var byReceiver: [String: Int] = [:]
        var all = 0
    }

    let total: Int
    let perReceiver: Int
    private let counts = Mutex(Counts())

    init(total: Int, perReceiver: Int) {
        self.total = max(total, 1)
        self.perReceiver = max(perReceiver, 1)
    }

    /// Whether any delivery at all could start now.
    var hasRoom: Bool { counts.withLock { $0.all < total } }

    /// Takes a slot for `receiver`; `false` when the receiver's share or the total is spent.
    func take(_ receiver: String) -> Bool {
        counts.withLock { counts in
            guard counts.all < total, counts.byReceiver[receiver, default: 0] < perReceiver else { return false }
            counts.byReceiver[receiver, default: 0] += 1
            counts.all += 1
            return true
        }
    }

    /// Gives back a slot taken for `receiver`.
    func give(_ receiver: String) {
        counts.withLock { counts in
            guard let held = counts.byReceiver[receiver], held > 0 else { return }
            counts.byReceiver[receiver] = held > 1 ? held - 1 : nil
            counts.all -= 1
        }
    }

    /// The receiver a URL names: scheme, lower-cased host and port (the scheme's default when absent).
    static func receiver(of url: URL) -> String {
        let scheme = url.scheme?.lowercased() ?? ""
        let port = url.port ?? (scheme == "https" ? 443 : 80)
        return "\(scheme)://\(url.host?.lowercased() ?? ""):\(port)"
    }
}

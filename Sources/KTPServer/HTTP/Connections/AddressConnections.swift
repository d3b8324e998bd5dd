import Synchronization

/// Open connections per client IP address, shared by every connection's ``AddressLimitHandler``.
final class AddressConnections: Sendable {
    let limit: Int
    private let open = Mutex<[String: Int]>([:])

    init(limit: Int) {
        self.limit = limit
    }

    /// Counts a new connection from `address`; `false`, uncounted, when the address is at its limit.
    func opened(_ address: String) -> Bool {
        open.withLock { open in
            guard open[address, default: 0] < limit else { return false }
            open[address, default: 0] += 1
            return true
        }
    }

    /// Uncounts a connection ``opened(_:)`` counted.
    func closed(_ address: String) {
        open.withLock { open in
            guard let count = open[address] else { return }
            open[address] = count > 1 ? count - 1 : nil
        }
    }

    /// Connections open from `address`.
    func count(_ address: String) -> Int { open.withLock { $0[address, default: 0] } }
}

import KTP

/// Every row's ``SearchKey`` in one byte buffer, a range per row: 100,000 rows cost three allocations instead of
/// one array each, and a filter scans memory in order.
struct SearchKeys {
    private var bytes: [UInt8] = []
    private var starts: [Int32] = []
    private var ends: [Int32] = []

    var count: Int { starts.count }

    mutating func reserveCapacity(_ rows: Int) {
        bytes.reserveCapacity(rows * 48)
        starts.reserveCapacity(rows)
        ends.reserveCapacity(rows)
    }

    mutating func append(_ row: SubmissionSummary) {
        starts.append(Int32(bytes.count))
        bytes += SearchKey.make(row)
        ends.append(Int32(bytes.count))
    }

    /// Replaces a row's key: in place when the new one fits, else at the end (the old bytes are left unused;
    /// a key only grows when a row completes, by its NIK and name).
    mutating func replace(_ index: Int, with row: SubmissionSummary) {
        let key = SearchKey.make(row)
        let start = Int(starts[index])
        if key.count <= Int(ends[index]) - start {
            bytes.replaceSubrange(start..<start + key.count, with: key)
            ends[index] = Int32(start + key.count)
        } else {
            starts[index] = Int32(bytes.count)
            bytes += key
            ends[index] = Int32(bytes.count)
        }
    }

    /// Whether row `index`'s key holds `needle`.
    func contains(_ index: Int, _ needle: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { all in
            needle.withUnsafeBufferPointer { pin in SearchKey.contains(key(index, in: all), pin) }
        }
    }

    /// For each row, or for the rows `only` marks, whether its key holds `needle`; rows `only` leaves out stay
    /// unmatched.
    func matches(_ needle: [UInt8], only: [Bool]? = nil) -> [Bool] {
        bytes.withUnsafeBufferPointer { all in
            needle.withUnsafeBufferPointer { pin in
                (0..<count).map { index in
                    (only?[index] ?? true) && SearchKey.contains(key(index, in: all), pin)
                }
            }
        }
    }

    private func key(_ index: Int, in all: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: all[Int(starts[index])..<Int(ends[index])])
    }
}

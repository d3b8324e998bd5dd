import KTP

/// The filter's haystack per row: reference_id, NIK, name and error code, ASCII-lowercased bytes joined by
/// newlines (which a filter never holds, so a match never spans two values). Bytes keep a keystroke over
/// 100,000 rows to a plain memory scan.
enum SearchKey {
    static func make(_ row: SubmissionSummary) -> [UInt8] {
        var key: [UInt8] = []
        key.reserveCapacity(row.referenceID.utf8.count + 48)
        for part in [row.referenceID, row.nik ?? "", row.fullName ?? "", row.errorCode?.rawValue ?? ""] {
            if !key.isEmpty { key.append(0x0A) }
            key.append(contentsOf: part.utf8.map(lowercased))
        }
        return key
    }

    /// The filter text as a needle.
    static func needle(_ text: String) -> [UInt8] { text.utf8.map(lowercased) }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        haystack.withUnsafeBufferPointer { hay in needle.withUnsafeBufferPointer { pin in contains(hay, pin) } }
    }

    static func contains(_ hay: UnsafeBufferPointer<UInt8>, _ pin: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = pin.first else { return true }
        guard hay.count >= pin.count else { return false }
        let last = hay.count - pin.count
        var start = 0
        while start <= last {
            if hay[start] == first {
                var offset = 1
                while offset < pin.count, hay[start + offset] == pin[offset] { offset += 1 }
                if offset == pin.count { return true }
            }
            start += 1
        }
        return false
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
    }
}

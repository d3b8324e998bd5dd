import Foundation

/// Finished submissions (complete or failed) per minute, by when they finished: the header's sparkline.
struct ThroughputHistogram: Equatable {
    private var perMinute: [Int64: Int] = [:]

    static func minute(of date: Date) -> Int64 { Int64((date.timeIntervalSince1970 / 60).rounded(.down)) }

    mutating func add(_ date: Date, _ count: Int) {
        let minute = Self.minute(of: date)
        let total = perMinute[minute, default: 0] + count
        perMinute[minute] = total == 0 ? nil : total
    }

    /// The counts of the `minutes` minutes up to and including `now`'s, oldest first.
    func recent(_ minutes: Int, endingAt now: Date) -> [Int] {
        let last = Self.minute(of: now)
        return (0..<max(0, minutes)).map { perMinute[last - Int64(minutes - 1 - $0)] ?? 0 }
    }
}

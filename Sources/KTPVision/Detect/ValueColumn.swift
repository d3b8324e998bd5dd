/// Where the values start on a card, as a line `x = intercept + slope·y` through the colons that
/// OCR did read, so that a row whose colon was lost (or whose label was unreadable) is cut at the
/// same place as its neighbours instead of by counting words, which a label split or merged by
/// blur gets wrong. The slope follows a card that still leans or is keystoned.
struct ValueColumn: Sendable, Hashable {
    var intercept: Double
    var slope: Double

    /// A lean steeper than this (about 11°) is a wrong colon, not the card.
    static let steepest = 0.2

    func x(atY y: Int) -> Int {
        Int((intercept + slope * Double(y)).rounded())
    }

    /// A Theil–Sen fit (the median of the pairwise slopes), which one stray colon cannot tilt;
    /// a vertical line through the median with fewer than three colons; nil with none.
    static func fit(_ points: [(x: Int, y: Int)]) -> ValueColumn? {
        guard !points.isEmpty else { return nil }
        var slope = 0.0
        if points.count >= 3 {
            var slopes: [Double] = []
            for (i, a) in points.enumerated() {
                for b in points[(i + 1)...] where b.y != a.y {
                    slopes.append(Double(b.x - a.x) / Double(b.y - a.y))
                }
            }
            slope = median(slopes).map { min(max($0, -steepest), steepest) } ?? 0
        }
        let intercepts = points.map { Double($0.x) - slope * Double($0.y) }
        return median(intercepts).map { ValueColumn(intercept: $0, slope: slope) }
    }

    private static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

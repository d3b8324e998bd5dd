import Foundation

/// The skew of a page's text, from the words Tesseract read.
///
/// Leptonica's skew search weighs every dark stroke, so on a whole photo the ruled lines of a
/// notebook or the edge of a desk can outvote a tilted card's text. Neighbouring words on one
/// line follow the text alone: the step from one word's centre to the next, over the gap, is the
/// slope of their line.
enum TextSkew {
    /// At least this many word pairs make a page's worth of evidence.
    static let minimumPairs = 8

    /// The skew in radians (positive when text runs down to the right), or nil without enough
    /// pairs: the median of the pairs' angles, weighted by their horizontal distance.
    static func angle(of words: [OCRWord]) -> Double? {
        let sorted = words.filter { $0.box.height >= 8 }.sorted { $0.box.x < $1.box.x }
        var pairs: [(angle: Double, weight: Double)] = []
        for (index, word) in sorted.enumerated() {
            let height = Double(word.box.height)
            // The next word on the same line: starts after this one ends, within three line
            // heights, centre within a line height, and not of a wholly different size.
            let next = sorted[(index + 1)...].first { other in
                let gap = Double(other.box.x - word.box.maxX)
                let ratio = Double(other.box.height) / height
                return gap >= -2 && gap <= 3 * height && abs(Double(other.box.midY - word.box.midY)) < 0.8 * height
                    && ratio > 0.5 && ratio < 2
            }
            guard let next else { continue }
            let dx = Double(next.box.x + next.box.width / 2 - (word.box.x + word.box.width / 2))
            let dy = Double(next.box.midY - word.box.midY)
            guard dx > 0 else { continue }
            pairs.append((atan2(dy, dx), dx))
        }
        guard pairs.count >= minimumPairs else { return nil }
        pairs.sort { $0.angle < $1.angle }
        let half = pairs.reduce(0) { $0 + $1.weight } / 2
        var running = 0.0
        for pair in pairs {
            running += pair.weight
            if running >= half { return pair.angle }
        }
        return pairs.last?.angle
    }
}

import Foundation

/// The skew of a page's text, from the words Tesseract read or the lines PP-OCR's detector found.
///
/// Leptonica's skew search weighs every dark stroke, so on a whole photo the ruled lines of a
/// notebook or the edge of a desk can outvote a tilted card's text. Neighbouring words on one
/// line follow the text alone: the step from one word's centre to the next, over the gap, is the
/// slope of their line.
enum TextSkew {
    /// At least this many word pairs make a page's worth of evidence.
    static let minimumPairs = 8

    /// Lines of the detector this many times as wide as high have a direction worth counting.
    static let elongation = 4.0

    /// The skew of the lines a text detector found: the median of their directions, weighted by their width.
    /// PP-OCR's words share their line's box, so neighbouring words say nothing of the tilt; the detector's
    /// regions do. Nil with fewer than ``minimumLines`` elongated lines.
    static func angle(of lines: [DetectedText]) -> Double? {
        let long = lines.filter { $0.elongation >= elongation }
        guard long.count >= minimumLines else { return nil }
        return weightedMedian(long.map { ($0.angle, Double($0.core.width)) })
    }

    /// A page's worth of elongated detector lines.
    static let minimumLines = 4

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
        return weightedMedian(pairs)
    }

    private static func weightedMedian(_ values: [(angle: Double, weight: Double)]) -> Double? {
        let sorted = values.sorted { $0.angle < $1.angle }
        let half = sorted.reduce(0) { $0 + $1.weight } / 2
        var running = 0.0
        for value in sorted {
            running += value.weight
            if running >= half { return value.angle }
        }
        return sorted.last?.angle
    }
}

/// Regroups OCR words into visual lines. Sparse segmentation returns fragments in no useful
/// order; the card's fields are rows, so rows are rebuilt from vertical overlap.
public enum LineGrouper {
    public static func group(_ words: [OCRWord]) -> [OCRLine] {
        var rows: [Row] = []
        for word in words.sorted(by: { $0.box.midY < $1.box.midY }) {
            if let last = rows.indices.last, rows[last].admits(word.box) {
                rows[last].add(word)
            } else {
                rows.append(Row(word))
            }
        }
        return rows.map { OCRLine(words: $0.words.sorted { $0.box.x < $1.box.x }) }
    }

    /// A row is judged by its words' mean centre and height, not its growing union box, so that
    /// one tall word cannot chain two rows together.
    private struct Row {
        var words: [OCRWord]
        var sumMidY: Int
        var sumHeight: Int

        init(_ word: OCRWord) {
            words = [word]
            sumMidY = word.box.midY
            sumHeight = word.box.height
        }

        mutating func add(_ word: OCRWord) {
            words.append(word)
            sumMidY += word.box.midY
            sumHeight += word.box.height
        }

        /// Rows on a card are about 1.5 line heights apart, so a centre within 0.6 of the taller
        /// height belongs here and never to the next row, while a label set a few pixels lower
        /// than its value still joins it.
        func admits(_ box: PixelRect) -> Bool {
            let midY = sumMidY / words.count, height = sumHeight / words.count
            return Double(abs(box.midY - midY)) < 0.6 * Double(max(height, box.height))
        }
    }
}

/// Regroups OCR words into visual lines. Sparse segmentation returns fragments in no useful
/// order; the card's fields are rows, so rows are rebuilt from vertical overlap.
public enum LineGrouper {
    public static func group(_ words: [OCRWord]) -> [OCRLine] {
        var rows: [[OCRWord]] = []
        for word in words.sorted(by: { $0.box.midY < $1.box.midY }) {
            if let last = rows.indices.last, overlaps(word.box, OCRLine(words: rows[last]).box) {
                rows[last].append(word)
            } else {
                rows.append([word])
            }
        }
        return rows.map { OCRLine(words: $0.sorted { $0.box.x < $1.box.x }) }
    }

    /// Whether the word's vertical centre lies within the row's band, shrunk by a quarter.
    private static func overlaps(_ word: PixelRect, _ row: PixelRect) -> Bool {
        let inset = row.height / 4
        return word.midY >= row.y + inset && word.midY <= row.maxY - inset
            || row.midY >= word.y + word.height / 4 && row.midY <= word.maxY - word.height / 4
    }
}

/// Tells a printed `+` from a `-` by the shape of the last mark in a small crop.
///
/// The Indonesian model reads the rhesus `+` after a blood group as `-` or `t` on sharp, clean
/// print, a mark no vocabulary can check. Its shape can: a `-` is one bar at most 0.4 as tall as
/// a capital, a `+` is a bar with a single narrow stroke through its middle, above and below.
/// A letter, or a mark blur has fused to its letter, is neither, and is left to the OCR.
enum SignGlyph {
    /// Marks of fewer pixels are specks.
    static let minimumPixels = 6
    /// How far, in capitals, a mark's centre may lie from the middle of the value's row.
    static let rowReach = 0.5

    /// One dark connected mark: its pixel indices and bounds.
    struct Mark {
        let pixels: [Int]
        let minX: Int, maxX: Int, minY: Int, maxY: Int

        init(_ pixels: [Int], width: Int) {
            self.pixels = pixels
            let xs = pixels.map { $0 % width }, ys = pixels.map { $0 / width }
            (minX, maxX, minY, maxY) = (xs.min()!, xs.max()!, ys.min()!, ys.max()!)
        }

        var width: Int { maxX - minX + 1 }
        var height: Int { maxY - minY + 1 }
    }

    /// `+`, `-`, or nil when the rightmost mark in `crop` is not clearly either.
    /// `crop`: two rows high, centred on the value's row, starting inside the label's last letter.
    /// `rowHeight`: the row's height as the OCR boxed it, which blur and stray marks can inflate; the
    /// capital that bounds a sign's size is the tallest mark on the row, the label's `h` or a group letter.
    static func sign(in crop: GrayImage, rowHeight: Int) -> Character? {
        // A `-` is a fraction of a percent of its crop, so contrast is judged from the darkest pixel.
        guard rowHeight > 0, let darkest = crop.pixels.min(), crop.percentile(0.9) - Int(darkest) >= 40 else {
            return nil
        }
        let threshold = Double(CardLocator.otsu(crop))
        let grid = GrayGrid(width: crop.width, height: crop.height, values: crop.pixels.map(Double.init))
        // A mark the crop's edge cuts cannot be judged, and one centred off the value's row belongs to
        // the rows above or below.
        func judged(_ mark: Mark) -> Bool {
            let inside = mark.minX > 0 && mark.maxX < crop.width - 1 && mark.minY > 0 && mark.maxY < crop.height - 1
            let offset = abs(Double(mark.minY + mark.maxY) / 2 - Double(crop.height) / 2)
            return inside && mark.pixels.count >= minimumPixels && offset <= rowReach * Double(rowHeight)
        }
        let marks = grid.blobs { grid.values[$0] <= threshold }.map { Mark($0, width: crop.width) }.filter(judged)
            .sorted { $0.maxX < $1.maxX }
        guard let mark = marks.last, let capHeight = marks.map(\.height).max(), 4 * capHeight >= rowHeight else {
            return nil
        }
        // A sign follows its group or the colon closely; a lone mark further on is a speck.
        if marks.count > 1, mark.minX - marks[marks.count - 2].maxX > capHeight { return nil }
        return shape(of: mark, width: crop.width, capHeight: Double(capHeight))
    }

    /// The classification of one mark from its rows: the widest rows are the bar, the rest its arms.
    static func shape(of mark: Mark, width: Int, capHeight: Double) -> Character? {
        let (w, h) = (Double(mark.width), Double(mark.height))
        guard w <= 0.8 * capHeight, h <= 0.9 * capHeight else { return nil }
        var rows = [(count: Int, minX: Int, maxX: Int)](repeating: (0, Int.max, Int.min), count: mark.height)
        for pixel in mark.pixels {
            let (x, row) = (pixel % width, pixel / width - mark.minY)
            rows[row] = (rows[row].count + 1, min(rows[row].minX, x), max(rows[row].maxX, x))
        }
        let barWidth = Double(rows.map(\.count).max()!)
        let bar = rows.indices.filter { Double(rows[$0].count) >= 0.6 * barWidth }
        let above = rows[..<bar.first!], below = rows[(bar.last! + 1)...]
        let arms = above + below
        // Sizes in capitals: a `-` is about half a capital wide and a `+` about as wide as tall; a mark
        // much smaller is a speck.
        if arms.count <= bar.count, w >= 1.5 * h, h <= 0.4 * capHeight, (0.25...0.6).contains(w / capHeight) {
            return "-"
        }
        guard w >= 0.35 * capHeight, h >= 0.35 * capHeight else { return nil }
        let needed = max(2, bar.count / 2)
        let centre = Double(mark.minX + mark.maxX) / 2
        // Blur widens the rows where the stroke meets the bar, so a quarter of the arm may be wide.
        let stroke = arms.filter { row in
            Double(row.maxX - row.minX + 1) <= 0.45 * barWidth
                && abs(Double(row.minX + row.maxX) / 2 - centre) <= 0.2 * barWidth
        }
        if above.count >= needed, below.count >= needed, Double(stroke.count) >= 0.75 * Double(arms.count) {
            return "+"
        }
        return nil
    }
}

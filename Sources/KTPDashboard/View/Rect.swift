/// A region of the grid.
struct Rect: Equatable {
    var x: Int
    var y: Int
    var width: Int
    var height: Int

    var maxX: Int { x + width }
    var maxY: Int { y + height }
    var isEmpty: Bool { width <= 0 || height <= 0 }

    /// A horizontal slice from `x + offset`, `width` wide, clipped to this rect.
    func columns(from offset: Int, width: Int) -> Rect {
        let start = min(x + offset, maxX)
        return Rect(x: start, y: y, width: max(0, min(width, maxX - start)), height: height)
    }

    func row(_ index: Int) -> Rect { Rect(x: x, y: y + index, width: width, height: 1) }

    func inset(by amount: Int) -> Rect {
        Rect(x: x + amount, y: y + amount, width: width - 2 * amount, height: height - 2 * amount)
    }
}

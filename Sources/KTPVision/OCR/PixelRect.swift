/// An axis-aligned rectangle in pixels.
public struct PixelRect: Sendable, Hashable, Codable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var midY: Int { y + height / 2 }

    /// This rectangle cut to an image of the given size.
    public func clamped(width imageWidth: Int, height imageHeight: Int) -> PixelRect {
        let minX = min(max(0, x), imageWidth - 1), minY = min(max(0, y), imageHeight - 1)
        return PixelRect(
            x: minX, y: minY, width: max(1, min(maxX, imageWidth) - minX),
            height: max(1, min(maxY, imageHeight) - minY))
    }

    /// The smallest rectangle that holds both.
    public func union(_ other: PixelRect) -> PixelRect {
        let minX = min(x, other.x), minY = min(y, other.y)
        return PixelRect(x: minX, y: minY, width: max(maxX, other.maxX) - minX, height: max(maxY, other.maxY) - minY)
    }
}

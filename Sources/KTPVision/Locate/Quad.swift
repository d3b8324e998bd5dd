/// A point in image pixels.
public struct Point: Sendable, Hashable, Codable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    func distance(to other: Point) -> Double {
        ((x - other.x) * (x - other.x) + (y - other.y) * (y - other.y)).squareRoot()
    }
}

/// A card's four corners, clockwise from the top left.
public struct Quad: Sendable, Hashable, Codable {
    public var topLeft: Point
    public var topRight: Point
    public var bottomRight: Point
    public var bottomLeft: Point

    public init(topLeft: Point, topRight: Point, bottomRight: Point, bottomLeft: Point) {
        self.topLeft = topLeft
        self.topRight = topRight
        self.bottomRight = bottomRight
        self.bottomLeft = bottomLeft
    }

    public var corners: [Point] { [topLeft, topRight, bottomRight, bottomLeft] }

    /// The shoelace area.
    public var area: Double {
        let c = corners
        var sum = 0.0
        for i in 0..<4 {
            let (a, b) = (c[i], c[(i + 1) % 4])
            sum += a.x * b.y - b.x * a.y
        }
        return abs(sum) / 2
    }

    /// The mean length of the top and bottom edges.
    public var width: Double { (topLeft.distance(to: topRight) + bottomLeft.distance(to: bottomRight)) / 2 }
    /// The mean length of the left and right edges.
    public var height: Double { (topLeft.distance(to: bottomLeft) + topRight.distance(to: bottomRight)) / 2 }

    /// Mean width over mean height.
    public var aspectRatio: Double { height > 0 ? width / height : 0 }

    public var minX: Double { corners.map(\.x).min()! }
    public var maxX: Double { corners.map(\.x).max()! }
    public var minY: Double { corners.map(\.y).min()! }
    public var maxY: Double { corners.map(\.y).max()! }

    /// The same quad moved by `dx`, `dy`.
    public func offset(dx: Double, dy: Double) -> Quad {
        func move(_ p: Point) -> Point { Point(x: p.x + dx, y: p.y + dy) }
        return Quad(
            topLeft: move(topLeft), topRight: move(topRight),
            bottomRight: move(bottomRight), bottomLeft: move(bottomLeft))
    }

    /// The same quad with every coordinate multiplied by `factor`.
    public func scaled(by factor: Double) -> Quad {
        func scale(_ p: Point) -> Point { Point(x: p.x * factor, y: p.y * factor) }
        return Quad(
            topLeft: scale(topLeft), topRight: scale(topRight),
            bottomRight: scale(bottomRight), bottomLeft: scale(bottomLeft))
    }
}

/// Four corners of a card in a photo: top-left, top-right, bottom-right, bottom-left.
public struct Quad: Sendable, Hashable, Codable {
    public var corners: [SIMD2<Double>]

    public init(_ corners: [SIMD2<Double>]) {
        precondition(corners.count == 4, "a quad has four corners")
        self.corners = corners
    }

    /// The enclosed area (shoelace formula), in square pixels.
    public var area: Double {
        var twice = 0.0
        for i in 0..<4 {
            let a = corners[i], b = corners[(i + 1) % 4]
            twice += a.x * b.y - b.x * a.y
        }
        return abs(twice) / 2
    }

    public var minX: Double { corners.map(\.x).min()! }
    public var maxX: Double { corners.map(\.x).max()! }
    public var minY: Double { corners.map(\.y).min()! }
    public var maxY: Double { corners.map(\.y).max()! }

    /// Scaled about the origin, then moved by `offset`.
    public func scaled(_ factor: Double, offset: SIMD2<Double> = .zero) -> Quad {
        Quad(corners.map { $0 * factor + offset })
    }
}

/// One colour stop of a gradient.
public struct GradientStop: Sendable, Hashable {
    public var offset: Double
    public var color: CanvasColor

    public init(_ offset: Double, _ color: CanvasColor) {
        self.offset = offset
        self.color = color
    }
}

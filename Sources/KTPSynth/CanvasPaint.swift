/// What a fill or stroke paints with: one colour or a gradient, in canvas coordinates.
public enum CanvasPaint: Sendable, Hashable {
    case solid(CanvasColor)
    /// From `(x0, y0)` to `(x1, y1)`; stops are `(offset in [0, 1], colour)`.
    case linear(x0: Double, y0: Double, x1: Double, y1: Double, stops: [GradientStop])
    /// Between the circle `(cx, cy, r0)` and the circle `(cx, cy, r1)`.
    case radial(cx: Double, cy: Double, r0: Double, r1: Double, stops: [GradientStop])
}

/// A straight (not premultiplied) RGBA colour with components in `[0, 1]`, as Cairo takes them.
public struct CanvasColor: Sendable, Hashable {
    public var red: Double
    public var green: Double
    public var blue: Double
    public var alpha: Double

    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }

    /// From `0xRRGGBB`, the form design specs give colours in.
    public init(hex: UInt32, alpha: Double = 1) {
        self.init(
            red: Double(hex >> 16 & 0xFF) / 255, green: Double(hex >> 8 & 0xFF) / 255,
            blue: Double(hex & 0xFF) / 255, alpha: alpha)
    }

    /// The same colour with another alpha.
    public func with(alpha: Double) -> CanvasColor {
        CanvasColor(red: red, green: green, blue: blue, alpha: alpha)
    }

    /// Each channel multiplied by `factor` and clamped: a darker or lighter shade.
    public func scaled(_ factor: Double) -> CanvasColor {
        CanvasColor(
            red: min(1, red * factor), green: min(1, green * factor), blue: min(1, blue * factor),
            alpha: alpha)
    }

    public static let white = CanvasColor(red: 1, green: 1, blue: 1)
}

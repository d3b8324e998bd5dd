import KTPVision

/// Where a document lands in a photo: decided before drawing, so the document can be drawn at
/// the resolution it will have in the photo instead of being resampled up.
public struct PhotoLayout: Sendable, Hashable {
    public var width: Int
    public var height: Int
    /// The document's corners in photo pixels, in the document's own order (TL, TR, BR, BL).
    public var quad: Quad
    /// Document image pixels per base layout pixel.
    public var scale: Double
    public var capture: CaptureKind
    /// How far the photo is turned clockwise, 0, 90, 180 or 270 degrees, beyond the small tilt.
    public var turn: Int

    public init(
        width: Int, height: Int, quad: Quad, scale: Double, capture: CaptureKind = .phone, turn: Int = 0
    ) {
        self.width = width
        self.height = height
        self.quad = quad
        self.scale = scale
        self.capture = capture
        self.turn = turn
    }

    /// The share of the frame the document covers.
    public var coverage: Double { quad.area / Double(width * height) }
}

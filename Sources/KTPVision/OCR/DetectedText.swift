/// One text region the detector found: an axis-aligned box in image pixels and the detector's mean probability.
public struct DetectedText: Sendable, Hashable {
    public var box: PixelRect
    public var score: Double

    public init(box: PixelRect, score: Double) {
        self.box = box
        self.score = score
    }
}

/// One word as Tesseract read it, in the coordinates of the image it was given.
public struct OCRWord: Sendable, Hashable {
    public var text: String
    public var box: PixelRect
    /// Tesseract's word confidence scaled to [0, 1].
    public var confidence: Double

    public init(text: String, box: PixelRect, confidence: Double) {
        self.text = text
        self.box = box
        self.confidence = confidence
    }
}

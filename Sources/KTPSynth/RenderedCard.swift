import KTPContract
import KTPVision

/// A drawn card or paper, ready to be photographed, with where each field's text landed.
public struct RenderedCard: Sendable, Hashable {
    /// The pixels, `scale` times the base layout size.
    public var image: RGBImage
    /// Value text boxes in base layout pixels (1012×638 for a KTP); empty for negatives.
    public var fieldBoxes: [FieldKey: PixelRect]
    /// Image pixels per base layout pixel.
    public var scale: Double
    /// The radius of the rounded corners in image pixels; 0 for paper.
    public var cornerRadius: Double

    public init(image: RGBImage, fieldBoxes: [FieldKey: PixelRect], scale: Double, cornerRadius: Double) {
        self.image = image
        self.fieldBoxes = fieldBoxes
        self.scale = scale
        self.cornerRadius = cornerRadius
    }
}

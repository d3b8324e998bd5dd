import KTPContract
import KTPVision

/// A drawn card or paper, ready to be photographed, with where each field's text landed.
public struct RenderedCard: Sendable, Hashable {
    /// The pixels, `scale` times the base layout size.
    public var image: RGBImage
    /// Each field's printed lines, in base layout pixels (1012×638 for a KTP); two for a wrapped value.
    public var lineBoxes: [FieldKey: [PixelRect]]
    /// Image pixels per base layout pixel.
    public var scale: Double
    /// The radius of the rounded corners in image pixels; 0 for paper.
    public var cornerRadius: Double
    /// The printed variants this card shows (`wrapped-address`, `no-blood-label`, …), for truth.
    public var printedVariants: [String]

    public init(
        image: RGBImage, lineBoxes: [FieldKey: [PixelRect]], scale: Double, cornerRadius: Double,
        printedVariants: [String] = []
    ) {
        self.image = image
        self.lineBoxes = lineBoxes
        self.scale = scale
        self.cornerRadius = cornerRadius
        self.printedVariants = printedVariants
    }

    /// A document whose fields are one line each.
    public init(image: RGBImage, fieldBoxes: [FieldKey: PixelRect], scale: Double, cornerRadius: Double) {
        self.init(image: image, lineBoxes: fieldBoxes.mapValues { [$0] }, scale: scale, cornerRadius: cornerRadius)
    }

    /// Value text boxes in base layout pixels: the union of a field's lines.
    public var fieldBoxes: [FieldKey: PixelRect] {
        lineBoxes.compactMapValues { boxes in
            guard let first = boxes.first else { return nil }
            return boxes.dropFirst().reduce(first) { union, box in
                let (x, y) = (min(union.x, box.x), min(union.y, box.y))
                return PixelRect(
                    x: x, y: y, width: max(union.maxX, box.maxX) - x, height: max(union.maxY, box.maxY) - y)
            }
        }
    }
}

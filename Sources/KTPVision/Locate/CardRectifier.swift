import CTesseract

/// Warps the card's quadrilateral to an upright rectangle of a fixed size with Leptonica.
public enum CardRectifier {
    /// The canonical card size: ID-1 proportions, large enough for 12-point text to OCR well.
    public static let canonicalWidth = 1200
    public static let canonicalHeight = 757

    /// The card inside `quad`, warped to the canonical size.
    public static func rectify(_ raster: Raster, quad: Quad) -> Raster? {
        let target = [
            Point(x: 0, y: 0), Point(x: Double(canonicalWidth - 1), y: 0),
            Point(x: Double(canonicalWidth - 1), y: Double(canonicalHeight - 1)),
            Point(x: 0, y: Double(canonicalHeight - 1)),
        ]
        let enlarge = max(
            1, Double(canonicalWidth) / Double(raster.width), Double(canonicalHeight) / Double(raster.height))
        let quad = quad.scaled(by: enlarge)
        let source = ptaCreate(4), destination = ptaCreate(4)
        var sourceHandle = source, destinationHandle = destination
        defer {
            ptaDestroy(&sourceHandle)
            ptaDestroy(&destinationHandle)
        }
        for (from, to) in zip(quad.corners, target) {
            ptaAddPt(source, Float(from.x), Float(from.y))
            ptaAddPt(destination, Float(to.x), Float(to.y))
        }
        // The warp keeps the source's size, so a photo smaller than the card was enlarged above.
        let rgb = Raster(owning: pixConvertTo32(raster.pix))
            .flatMap { enlarge > 1 ? Raster(owning: pixScale($0.pix, Float(enlarge), Float(enlarge))) : $0 }
        guard let rgb,
            let warped = Raster(owning: pixProjectivePta(rgb.pix, destination, source, Int32(L_BRING_IN_WHITE)))
        else { return nil }
        // The warp keeps the source's size; the card now sits at the top left.
        return warped.cropped(to: PixelRect(x: 0, y: 0, width: canonicalWidth, height: canonicalHeight))
    }
}

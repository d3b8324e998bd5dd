import CTesseract

/// Prepares a rectified card for Tesseract.
public enum OCRPreprocessor {
    /// How a card is prepared.
    public enum Mode: Sendable, Hashable, CaseIterable {
        /// Background normalisation only: right for sharp photos.
        case plain
        /// Enlarged, unsharp-masked and contrast-stretched: Tesseract reads soft text far better
        /// when its strokes are steepened and it has more pixels to segment.
        case sharpened
    }

    /// The red channel drops the card's blue background, the red SPESIMEN stamp and the red photo
    /// backdrop in one step, while black text stays black; background normalisation then evens
    /// out lighting gradients and lifts dark photos.
    public static func prepare(_ card: Raster, mode: Mode = .plain) -> Raster {
        let rgb = Raster(owning: pixConvertTo32(card.pix)) ?? card
        guard let red = Raster(owning: pixGetRGBComponent(rgb.pix, Int32(COLOR_RED))) else { return card }
        let normalised = Raster(owning: pixBackgroundNormSimple(red.pix, nil, nil)) ?? red
        guard mode == .sharpened,
              let smooth = Raster(owning: pixBlockconvGray(normalised.pix, nil, 1, 1)),
              let large = Raster(owning: pixScaleGrayLI(smooth.pix, 1.5, 1.5)),
              let sharp = Raster(owning: pixUnsharpMaskingGray(large.pix, 4, 1.5))
        else { return normalised }
        // Stretch the darkest strokes to black and the paper to white.
        let gray = sharp.gray()
        let (ink, paper) = (gray.percentile(0.01), gray.percentile(0.5))
        guard paper - ink >= 16 else { return sharp }
        return Raster(owning: pixGammaTRC(nil, sharp.pix, 1.0, Int32(ink), Int32(paper))) ?? sharp
    }
}

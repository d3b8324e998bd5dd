import CTesseract

/// Prepares a rectified card for Tesseract.
public enum OCRPreprocessor {
    /// The red channel drops the card's blue background, the red SPESIMEN stamp and the red photo
    /// backdrop in one step, while black text stays black; background normalisation then evens
    /// out lighting gradients and lifts dark photos.
    public static func prepare(_ card: Raster) -> Raster {
        let rgb = Raster(owning: pixConvertTo32(card.pix)) ?? card
        guard let red = Raster(owning: pixGetRGBComponent(rgb.pix, Int32(COLOR_RED))) else { return card }
        return Raster(owning: pixBackgroundNormSimple(red.pix, nil, nil)) ?? red
    }
}

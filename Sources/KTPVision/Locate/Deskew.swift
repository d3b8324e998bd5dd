import CTesseract

/// Straightens text lines with Leptonica's skew search, over the ±10° the engine promises.
public enum Deskew {
    /// The raster rotated so its text runs level, or `nil` when no confident angle was found.
    public static func straighten(_ raster: Raster) -> Raster? {
        guard let gray = Raster(owning: pixConvertTo8(raster.pix, 0)) else { return nil }
        let threshold = CardLocator.otsu(gray.gray())
        guard let binary = Raster(owning: pixThresholdToBinary(gray.pix, Int32(threshold))) else { return nil }
        var angle: Float = 0
        var confidence: Float = 0
        guard pixFindSkewSweepAndSearch(binary.pix, &angle, &confidence, 2, 2, 12, 0.5, 0.05) == 0,
            confidence >= 1.5, abs(angle) >= 0.2
        else { return nil }
        let radians = angle * .pi / 180
        return Raster(
            owning: pixRotate(
                raster.pix, radians, Int32(L_ROTATE_AREA_MAP),
                Int32(L_BRING_IN_WHITE), 0, 0))
    }
}

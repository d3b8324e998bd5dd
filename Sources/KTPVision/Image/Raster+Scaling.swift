import CTesseract

extension Raster {
    /// This raster scaled to `width` × `height` (give or take a pixel of rounding), at 8 or 32 bpp: area mapping
    /// when shrinking by more than 0.7, linear interpolation otherwise, and no sharpening (Leptonica's `pixScale`
    /// sharpens, which a neural model was not trained on).
    public func scaled(toWidth width: Int, height: Int) -> Raster? {
        guard width > 0, height > 0, self.width > 0, self.height > 0 else { return nil }
        let source: Raster
        if depth == 8 || depth == 32, pixGetColormap(pix) == nil {
            source = self
        } else {
            guard let converted = Raster(owning: pixConvertTo32(pix)) else { return nil }
            source = converted
        }
        let scaleX = Float(width) / Float(self.width), scaleY = Float(height) / Float(self.height)
        return Raster(owning: pixScaleGeneral(source.pix, scaleX, scaleY, 0, 0))
    }
}

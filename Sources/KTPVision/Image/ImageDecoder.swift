import CTesseract

/// Decodes photo bytes with Leptonica, after the structure and dimensions have been checked.
public enum ImageDecoder {
    /// The structure and size checks, then the full decode. Never crashes on hostile bytes.
    public static func decode(_ bytes: [UInt8], limits: ImageLimits = .reader) throws(ImageError) -> Raster {
        let header = try ImageStructure.validate(bytes)
        try header.check(limits)
        Leptonica.quiet()
        let raster = bytes.withUnsafeBufferPointer { Raster(owning: pixReadMem($0.baseAddress, $0.count)) }
        guard let raster, raster.width == header.width, raster.height == header.height else {
            throw ImageError(.undecodable)
        }
        return raster
    }
}

/// Process-wide Leptonica settings.
enum Leptonica {
    /// Leptonica prints to stderr, errors included, even those Tesseract provokes and recovers
    /// from (`boxClipToRectangle: box outside rectangle`). The engine checks every result it uses,
    /// so Leptonica's own messages are turned off.
    static func quiet() { _ = quieted }
    private static let quieted: Void = { _ = setMsgSeverity(Int32(L_SEVERITY_NONE)) }()
}

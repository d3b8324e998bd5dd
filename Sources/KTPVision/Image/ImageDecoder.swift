import CTesseract

/// Decodes photo bytes with Leptonica, after the structure and dimensions have been checked.
public enum ImageDecoder {
    /// The header check, then the full decode. Never crashes on hostile bytes.
    public static func decode(_ bytes: [UInt8]) throws(ImageError) -> Raster {
        let header = try ImageStructure.validate(bytes)
        try header.checkDimensions()
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
    /// Leptonica prints every warning to stderr; only errors are worth a line.
    static func quiet() { _ = quieted }
    private static let quieted: Void = { _ = setMsgSeverity(Int32(L_SEVERITY_ERROR)) }()
}

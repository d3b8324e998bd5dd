import CTesseract

/// An owned Leptonica image. Not `Sendable`: one raster lives on the worker thread that made it.
public final class Raster {
    /// The Leptonica image this raster owns and destroys.
    public let pix: UnsafeMutablePointer<PIX>

    /// Takes ownership of a `PIX` that Leptonica returned; `nil` becomes `nil`.
    public init?(owning pix: UnsafeMutablePointer<PIX>?) {
        guard let pix else { return nil }
        self.pix = pix
    }

    deinit {
        var pointer: UnsafeMutablePointer<PIX>? = pix
        pixDestroy(&pointer)
    }

    public var width: Int { Int(pixGetWidth(pix)) }
    public var height: Int { Int(pixGetHeight(pix)) }
    public var depth: Int { Int(pixGetDepth(pix)) }

    /// A 32 bpp RGB raster from interleaved RGB bytes.
    public convenience init(_ image: RGBImage) {
        let pix = pixCreate(Int32(image.width), Int32(image.height), 32)!
        image.pixels.withUnsafeBufferPointer { source in
            for y in 0..<image.height {
                let row = ktp_pix_row(pix, Int32(y))!
                var i = y * image.width * 3
                for x in 0..<image.width {
                    row[x] = UInt32(source[i]) << 24 | UInt32(source[i + 1]) << 16 | UInt32(source[i + 2]) << 8
                    i += 3
                }
            }
        }
        self.init(owning: pix)!
    }

    /// An 8 bpp raster from gray bytes.
    public convenience init(_ image: GrayImage) {
        let pix = pixCreate(Int32(image.width), Int32(image.height), 8)!
        image.pixels.withUnsafeBufferPointer { source in
            for y in 0..<image.height {
                let row = UnsafeMutableRawPointer(ktp_pix_row(pix, Int32(y))!).assumingMemoryBound(to: UInt8.self)
                let base = y * image.width
                // Leptonica stores bytes big-endian within each 32-bit word.
                for x in 0..<image.width { row[x ^ 3] = source[base + x] }
            }
        }
        self.init(owning: pix)!
    }

    /// This raster as 32 bpp RGB, converting from any depth or colormap.
    public func rgb() -> RGBImage {
        let converted = Raster(owning: pixConvertTo32(pix))!
        let (w, h) = (converted.width, converted.height)
        var pixels = [UInt8](repeating: 0, count: w * h * 3)
        pixels.withUnsafeMutableBufferPointer { target in
            for y in 0..<h {
                let row = ktp_pix_row(converted.pix, Int32(y))!
                var i = y * w * 3
                for x in 0..<w {
                    let word = row[x]
                    target[i] = UInt8(truncatingIfNeeded: word >> 24)
                    target[i + 1] = UInt8(truncatingIfNeeded: word >> 16)
                    target[i + 2] = UInt8(truncatingIfNeeded: word >> 8)
                    i += 3
                }
            }
        }
        return RGBImage(width: w, height: h, pixels: pixels)
    }

    /// This raster as 8 bpp luminance.
    public func gray() -> GrayImage {
        let converted = Raster(owning: pixConvertTo8(pix, 0))!
        let (w, h) = (converted.width, converted.height)
        var pixels = [UInt8](repeating: 0, count: w * h)
        pixels.withUnsafeMutableBufferPointer { target in
            for y in 0..<h {
                let row = UnsafeRawPointer(ktp_pix_row(converted.pix, Int32(y))!).assumingMemoryBound(to: UInt8.self)
                let base = y * w
                for x in 0..<w { target[base + x] = row[x ^ 3] }
            }
        }
        return GrayImage(width: w, height: h, pixels: pixels)
    }

    /// The part of this raster inside `rect`, cut to its bounds.
    public func cropped(to rect: PixelRect) -> Raster? {
        var box = boxCreate(Int32(rect.x), Int32(rect.y), Int32(rect.width), Int32(rect.height))
        defer { boxDestroy(&box) }
        return Raster(owning: pixClipRectangle(pix, box, nil))
    }

    /// Encodes as JPEG at `quality` (1...100).
    public func jpegData(quality: Int) throws(ImageError) -> [UInt8] {
        try encode { data, size in pixWriteMemJpeg(&data, &size, pix, Int32(quality), 0) }
    }

    /// Encodes as PNG.
    public func pngData() throws(ImageError) -> [UInt8] {
        try encode { data, size in pixWriteMemPng(&data, &size, pix, 0) }
    }

    private func encode(
        _ write: (inout UnsafeMutablePointer<UInt8>?, inout Int) -> Int32
    ) throws(ImageError) -> [UInt8] {
        var data: UnsafeMutablePointer<UInt8>?
        var size = 0
        guard write(&data, &size) == 0, let data else { throw ImageError(.encodingFailed) }
        defer { free(data) }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }
}

/// The PP-OCR models' input layout: planar (C, H, W) Float32 in BGR order, as PaddleOCR's OpenCV images are,
/// scaled by (x / 255 − 0.5) / 0.5 (the normalisation rapidocr configures for both PP-OCRv6 models).
enum PPOCRTensor {
    /// Writes `image` into a `width` × `height` plane triple at `offset`; pixels past the image's edge stay as
    /// they were (0 is mid-grey after normalisation, PaddleOCR's padding).
    static func write(_ image: RGBImage, into tensor: inout [Float], offset: Int, width: Int, height: Int) {
        let plane = width * height
        let copyWidth = min(width, image.width), copyHeight = min(height, image.height)
        // One table lookup per byte instead of a multiply and a subtract.
        let table = (0..<256).map { Float($0) / 127.5 - 1 }
        tensor.withUnsafeMutableBufferPointer { out in
            image.pixels.withUnsafeBufferPointer { pixels in
                table.withUnsafeBufferPointer { table in
                    for y in 0..<copyHeight {
                        var source = y * image.width * 3
                        let row = offset + y * width
                        for x in 0..<copyWidth {
                            out[row + x] = table[Int(pixels[source + 2])]
                            out[row + plane + x] = table[Int(pixels[source + 1])]
                            out[row + 2 * plane + x] = table[Int(pixels[source])]
                            source += 3
                        }
                    }
                }
            }
        }
    }
}

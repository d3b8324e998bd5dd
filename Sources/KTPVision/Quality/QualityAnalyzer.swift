/// Measures blur, darkness, glare and colour: pure functions over pixels.
public enum QualityAnalyzer {
    /// Scores the rectified `card` for sharpness, brightness and glare, and the whole `photo` for colour.
    /// `enlargement` is how many times wider the rectified card is than the card in the photo.
    public static func measure(card: RGBImage, photo: RGBImage, enlargement: Double = 1) -> QualityScores {
        let gray = card.luminance()
        return QualityScores(
            // Enlarging spreads every edge over as many pixels as it enlarges: a small sharp scan is not a blurred
            // photo, so its edges are judged per pixel of the photo.
            sharpness: sharpness(gray) * max(1, enlargement),
            brightness: Double(gray.percentile(0.90)),
            glare: glare(card),
            chroma: chroma(photo) * CardLocator.exposureGain(photo)
        )
    }

    /// The 99.5th percentile of the gradient over the text-to-background contrast.
    ///
    /// A 2×2 mean first keeps sensor noise in dark photos from passing for sharp edges.
    static func sharpness(_ gray: GrayImage) -> Double {
        let w = gray.width, h = gray.height
        guard w > 4, h > 4 else { return 0 }
        let contrast = Double(gray.percentile(0.60) - gray.percentile(0.03))
        guard contrast >= 8 else { return 0 }
        var histogram = [Int](repeating: 0, count: 512)
        var samples = 0
        gray.pixels.withUnsafeBufferPointer { p in
            func mean(_ x: Int, _ y: Int) -> Int {
                let i = y * w + x
                return Int(p[i]) + Int(p[i + 1]) + Int(p[i + w]) + Int(p[i + w + 1])
            }
            for y in 1..<(h - 3) {
                for x in 1..<(w - 3) {
                    let gx = abs(mean(x + 1, y) - mean(x - 1, y))
                    let gy = abs(mean(x, y + 1) - mean(x, y - 1))
                    // Four-pixel sums over a two-pixel step: divide by 8 for a per-pixel slope.
                    histogram[min(511, max(gx, gy) / 4)] += 1
                    samples += 1
                }
            }
        }
        let target = Int(Double(samples) * 0.995)
        var seen = 0
        for (value, count) in histogram.enumerated() {
            seen += count
            if seen > target { return Double(value) / 2 / contrast }
        }
        return 0
    }

    /// The mean of max-minus-min channel over every fourth pixel.
    static func chroma(_ photo: RGBImage) -> Double {
        var total = 0
        var count = 0
        photo.pixels.withUnsafeBufferPointer { p in
            for i in stride(from: 0, to: p.count, by: 12) {
                let (r, g, b) = (p[i], p[i + 1], p[i + 2])
                total += Int(max(r, g, b) - min(r, g, b))
                count += 1
            }
        }
        return count == 0 ? 0 : Double(total) / Double(count)
    }
}

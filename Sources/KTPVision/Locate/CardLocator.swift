/// Finds the card's quadrilateral in a photo from its colour or, in a grayscale photo, its
/// brightness. Pure: it works on a small copy of the photo and returns corners in that copy.
public enum CardLocator {
    /// ID-1 cards are 85.6 × 54 mm.
    public static let cardAspectRatio = 85.6 / 54.0

    /// The card's corners in `image` coordinates, or `nil` when nothing card-shaped stands out.
    /// Tries three masks, most specific first: the e-KTP's blue, anything unlike the
    /// background at the frame's border, and plain brightness.
    public static func locate(in image: RGBImage) -> Quad? {
        let colour = QualityAnalyzer.chroma(image) >= 1.5
        let masks: [() -> BinaryMask] =
            colour
            ? [{ colourMask(image) }, { contrastMask(image) }, { brightnessMask(image) }]
            : [{ contrastMask(image) }, { brightnessMask(image) }]
        for mask in masks {
            if let quad = quad(from: mask()) { return quad }
        }
        return nil
    }

    /// Pixels that look like the light-blue e-KTP background, after normalising exposure so a
    /// dark or glared photo still qualifies.
    static func colourMask(_ image: RGBImage) -> BinaryMask {
        let gain = exposureGain(image)
        var mask = BinaryMask(width: image.width, height: image.height)
        image.pixels.withUnsafeBufferPointer { p in
            for i in 0..<(image.width * image.height) {
                let r = Double(p[3 * i]) * gain, g = Double(p[3 * i + 1]) * gain, b = Double(p[3 * i + 2]) * gain
                let high = max(r, g, b), low = min(r, g, b)
                mask.bits[i] = b - r >= 6 && b >= g - 12 && high - low <= 120 && b >= 110
            }
        }
        return mask
    }

    /// Pixels whose colour differs from the background's, taken as the median colour of a strip
    /// along the frame's border, by more than the border itself varies.
    static func contrastMask(_ image: RGBImage) -> BinaryMask {
        let (w, h) = (image.width, image.height)
        let strip = max(2, min(w, h) / 30)
        var border: [[Int]] = [[], [], []]
        for y in 0..<h {
            for x in 0..<w where x < strip || y < strip || x >= w - strip || y >= h - strip {
                for c in 0..<3 { border[c].append(Int(image.pixels[3 * (y * w + x) + c])) }
            }
        }
        let background = border.map { $0.sorted()[$0.count / 2] }
        let spread = border.enumerated().map { c, values in
            values.map { abs($0 - background[c]) }.sorted()[values.count * 3 / 4]
        }
        let threshold = max(24, 3 * spread.max()!)
        var mask = BinaryMask(width: w, height: h)
        image.pixels.withUnsafeBufferPointer { p in
            for i in 0..<(w * h) {
                let distance = (0..<3).map { abs(Int(p[3 * i + $0]) - background[$0]) }.reduce(0, +)
                mask.bits[i] = distance > threshold
            }
        }
        return mask
    }

    /// Pixels brighter than the Otsu threshold of the photo's luminance.
    static func brightnessMask(_ image: RGBImage) -> BinaryMask {
        let gray = image.luminance()
        let threshold = otsu(gray)
        var mask = BinaryMask(width: image.width, height: image.height)
        for i in 0..<gray.pixels.count { mask.bits[i] = Int(gray.pixels[i]) > threshold }
        return mask
    }

    /// Scales luminance so the 97th percentile reaches 235, at most five times.
    static func exposureGain(_ image: RGBImage) -> Double {
        let p97 = Double(image.luminance().percentile(0.97))
        return min(5, max(1, 235 / max(p97, 1)))
    }

    static func otsu(_ gray: GrayImage) -> Int {
        var histogram = [Double](repeating: 0, count: 256)
        for value in gray.pixels { histogram[Int(value)] += 1 }
        let total = Double(gray.pixels.count)
        let sumAll = histogram.enumerated().reduce(0.0) { $0 + Double($1.offset) * $1.element }
        var (weightBelow, sumBelow, best, bestThreshold) = (0.0, 0.0, -1.0, 127)
        for t in 0..<256 {
            weightBelow += histogram[t]
            sumBelow += Double(t) * histogram[t]
            let weightAbove = total - weightBelow
            guard weightBelow > 0, weightAbove > 0 else { continue }
            let meanBelow = sumBelow / weightBelow, meanAbove = (sumAll - sumBelow) / weightAbove
            let between = weightBelow * weightAbove * (meanBelow - meanAbove) * (meanBelow - meanAbove)
            if between > best { (best, bestThreshold) = (between, t) }
        }
        return bestThreshold
    }

    /// Cleans the mask in four steps, keeps the largest blob, and takes its extreme corners:
    /// a small opening drops thin lines (ruled paper, wood grain); a closing and a hole fill
    /// make the card solid across its text and photo; a larger opening cuts bridges to
    /// background of the same colour. Rejects blobs that are not card-shaped.
    static func quad(from mask: BinaryMask) -> Quad? {
        let side = max(3, min(mask.width, mask.height) / 40)
        let solid = mask.opened(radius: 1).closed(radius: side / 2).holesFilled()
        guard let core = solid.opened(radius: side).largestComponent() else { return nil }
        let frame = Double(mask.width * mask.height)
        guard Double(core.count) >= 0.2 * frame else { return nil }
        // Opening rounds the corners off; grow the core back inside the solid mask to restore them.
        var coreMask = BinaryMask(width: mask.width, height: mask.height)
        for index in core { coreMask.bits[index] = true }
        let grown = coreMask.dilated(side + 1)
        let blob = (0..<solid.bits.count).filter { solid.bits[$0] && grown.bits[$0] }
        var corners = (tl: (Int.max, 0, 0), br: (Int.min, 0, 0), tr: (Int.min, 0, 0), bl: (Int.max, 0, 0))
        for index in blob {
            let x = index % mask.width, y = index / mask.width
            if x + y < corners.tl.0 { corners.tl = (x + y, x, y) }
            if x + y > corners.br.0 { corners.br = (x + y, x, y) }
            if x - y > corners.tr.0 { corners.tr = (x - y, x, y) }
            if x - y < corners.bl.0 { corners.bl = (x - y, x, y) }
        }
        func point(_ c: (Int, Int, Int)) -> Point { Point(x: Double(c.1), y: Double(c.2)) }
        let quad = Quad(
            topLeft: point(corners.tl), topRight: point(corners.tr),
            bottomRight: point(corners.br), bottomLeft: point(corners.bl))
        // A card fills its quad; a blob that leaks into the background does not.
        let fill = Double(blob.count) / max(quad.area, 1)
        guard fill >= 0.85, abs(quad.aspectRatio - cardAspectRatio) <= 0.25, quad.area <= 0.98 * frame else {
            return nil
        }
        return quad
    }
}

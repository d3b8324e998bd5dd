/// Measures blur, darkness, glare and colour: pure functions over pixels.
public enum QualityAnalyzer {
    /// Scores the rectified `card` for sharpness, brightness and glare, and the whole `photo` for colour.
    public static func measure(card: RGBImage, photo: RGBImage) -> QualityScores {
        let gray = card.luminance()
        return QualityScores(
            sharpness: sharpness(gray),
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

    /// The card's luminance as means over `cell`×`cell` blocks: text and fine print wash out, while a
    /// flash spot (tens of pixels across) and the lighting survive.
    static func cellMeans(_ card: RGBImage, cell: Int) -> GrayGrid {
        let w = card.width / cell, h = card.height / cell
        var sums = [Int](repeating: 0, count: max(0, w * h))
        guard w > 0, h > 0 else { return GrayGrid(width: 0, height: 0, values: []) }
        card.pixels.withUnsafeBufferPointer { p in
            for y in 0..<(h * cell) {
                let row = (y / cell) * w
                var i = y * card.width * 3
                for column in 0..<w {
                    var sum = 0
                    for _ in 0..<cell {
                        sum += 299 * Int(p[i]) + 587 * Int(p[i + 1]) + 114 * Int(p[i + 2])
                        i += 3
                    }
                    sums[row + column] += sum
                }
            }
        }
        let scale = 1 / Double(cell * cell * 1000)
        return GrayGrid(width: w, height: h, values: sums.map { Double($0) * scale })
    }

    /// The highlight that a flash leaves on the card: how far (as a fraction) the brightest
    /// dome-shaped blob rises above the card's diffuse level, or 0 when there is none.
    ///
    /// The diffuse level is a quadratic surface fitted to the card's bright background, so a
    /// vignette or a lamp's gradient is not mistaken for glare. A blob counts only if it reaches
    /// near white (a flash's specular reflection clips the sensor, where a card's chip or a bright
    /// logo stays gray), is compact (a round spot, not a strip of white background along an edge),
    /// small (at most `glareMaxShare` of the card: larger is a lit document in a frame the locator
    /// missed) and fades softly (a specular lobe, not the cut edge of white paper). A uniformly
    /// white page has nothing above its own level.
    static func glare(_ card: RGBImage) -> Double {
        let grid = cellMeans(card, cell: glareCell)
        guard grid.width >= 8, grid.height >= 8 else { return 0 }
        let diffuse = grid.diffuseSurface()
        let rise = zip(grid.values, diffuse).map { value, level in
            value - level > 5 ? value / max(1, level) - 1 : 0
        }
        var owner = [Int](repeating: -1, count: rise.count)
        var best = 0.0
        let largest = Double(grid.values.count) * glareMaxShare
        for blob in grid.blobs(where: { rise[$0] > 0.03 }) where blob.count >= 4 && Double(blob.count) <= largest {
            let peak = blob.map { rise[$0] }.max() ?? 0
            for i in blob { owner[i] = blob[0] }
            if peak > best, blob.contains(where: { grid.values[$0] >= glareMinimumLevel }),
                compactness(blob, width: grid.width) >= 0.35,
                falloffWidth(blob, rise: rise, peak: peak, width: grid.width, owner: owner) >= 1.2
            {
                best = peak
            }
        }
        return best
    }

    /// Card pixels per side of the cells glare is measured on.
    static let glareCell = 8
    /// The largest share of the card a flash's highlight covers (those in the sets: under 0.09).
    static let glareMaxShare = 0.15
    /// The luminance (85% of full scale) that a highlight's brightest cell must reach to be a flash's.
    /// Highlights on KTPs in the sets peak at 227 and up; a chip or a logo on a dark card below 215.
    static let glareMinimumLevel = 0.85 * 255

    /// The blob's area over that of the circle reaching its farthest cell: near 1 for a round spot,
    /// small for a strip or a ring.
    static func compactness(_ blob: [Int], width: Int) -> Double {
        let n = Double(blob.count)
        let cx = blob.reduce(0.0) { $0 + Double($1 % width) } / n
        let cy = blob.reduce(0.0) { $0 + Double($1 / width) } / n
        var reach = 0.0
        for i in blob {
            let dx = Double(i % width) - cx, dy = Double(i / width) - cy
            reach = max(reach, dx * dx + dy * dy)
        }
        let radius = reach.squareRoot() + 0.5
        return n / (Double.pi * radius * radius)
    }

    /// How many cells, on average, the blob takes to fall from 75% to 25% of its peak: the area
    /// between those levels over the length of the half-peak contour. A cut paper edge falls
    /// within about a cell; a flash's lobe fades over several.
    /// `owner` maps each cell to its blob's first cell, or -1 outside every blob.
    static func falloffWidth(_ blob: [Int], rise: [Double], peak: Double, width: Int, owner: [Int]) -> Double {
        func inside(_ i: Int) -> Bool { i >= 0 && i < owner.count && owner[i] == blob[0] }
        var upper = 0, lower = 0, contour = 0
        for i in blob {
            let value = rise[i]
            if value > 0.75 * peak { upper += 1 }
            if value > 0.25 * peak { lower += 1 }
            guard value > 0.5 * peak else { continue }
            func outside(_ j: Int) -> Bool { !inside(j) || rise[j] <= 0.5 * peak }
            let x = i % width
            if (x == 0 || outside(i - 1)) || (x == width - 1 || outside(i + 1)) || outside(i - width)
                || outside(i + width)
            {
                contour += 1
            }
        }
        return Double(lower - upper) / Double(max(1, contour))
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

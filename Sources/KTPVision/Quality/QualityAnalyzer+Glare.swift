extension QualityAnalyzer {
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
    /// logo stays gray), has a compact upper half (a round spot, not a strip of white background
    /// along an edge), is small (at most `glareMaxShare` of the card: larger is a lit document in a
    /// frame the locator missed) and fades softly (a specular lobe, not the cut edge of white paper
    /// or a drawn disc). A uniformly white page has nothing above its own level.
    static func glare(_ card: RGBImage) -> Double {
        let grid = cellMeans(card, cell: glareCell)
        guard grid.width >= 8, grid.height >= 8 else { return 0 }
        let diffuse = grid.diffuseSurface()
        let rise = zip(grid.values, diffuse).map { value, level in
            value - level > 5 ? value / max(1, level) - 1 : 0
        }
        var owner = [Int](repeating: -1, count: rise.count)
        var best = 0.0
        var gray: GrayImage?
        let largest = Double(grid.values.count) * glareMaxShare
        for blob in grid.blobs(where: { rise[$0] > 0.03 }) where blob.count >= 4 && Double(blob.count) <= largest {
            guard let top = blob.max(by: { rise[$0] < rise[$1] }) else { continue }
            let peak = rise[top]
            for i in blob { owner[i] = blob[0] }
            guard peak > best, blob.contains(where: { grid.values[$0] >= glareMinimumLevel }) else { continue }
            // A spot's faint fringe can merge with lit patches of a white card; its upper half stays an ellipse.
            let core = grid.blob(from: top) { owner[$0] == blob[0] && rise[$0] > 0.5 * peak }
            let shape = ellipseFit(core, width: grid.width)
            guard shape.fill >= glareMinimumFill, shape.elongation <= glareMaximumElongation else { continue }
            if falloffWidth(blob, rise: rise, peak: peak, width: grid.width, owner: owner) >= 1.2 {
                best = peak
            } else if peak >= steepSpotMinimumRise, blob.count >= steepSpotMinimumCells,
                shape.fill >= steepSpotMinimumFill
            {
                // Too steep to judge cell by cell: a small spot, or one whose clipped core ends abruptly.
                // With less evidence from its fading, it must rise higher, be larger and rounder.
                gray = gray ?? card.luminance()
                if let gray, edgeWidth(gray, core: core, width: grid.width) >= steepSpotMinimumEdge { best = peak }
            }
        }
        return best
    }

    /// A flash's highlight fills the ellipse of its moments (0.9 and up); a lit patch or ring does not.
    static let glareMinimumFill = 0.6
    /// A flash on a card's laminate is an ellipse at most three times longer than wide; a strip of white
    /// background along an edge is longer.
    static let glareMaximumElongation = 3.0
    /// Card pixels per side of the cells glare is measured on.
    static let glareCell = 8
    /// The largest share of the card a flash's highlight covers (those in the sets: under 0.09).
    static let glareMaxShare = 0.15
    /// The luminance (85% of full scale) that a highlight's brightest cell must reach to be a flash's.
    /// Highlights on KTPs in the sets peak at 227 and up; a chip or a logo on a dark card below 215.
    static let glareMinimumLevel = 0.85 * 255
    /// How far a spot too steep for the cell grid must rise to be judged by its edge: the faint
    /// ones are lit patches of a white card as often as flashes.
    static let steepSpotMinimumRise = 0.06
    /// The cells a steep spot covers at least: a flash's core is 6% of the card across or more,
    /// where a speck of lit background is a few cells.
    static let steepSpotMinimumCells = 30
    /// How fully a steep spot's upper half fills its ellipse: a flash's fills it, a lit patch's is ragged.
    static let steepSpotMinimumFill = 0.8
    /// The card pixels (of 1200 across) over which a flash's edge fades at least; a drawn or printed
    /// disc's edge falls within two.
    static let steepSpotMinimumEdge = 6

    /// How well the blob fills the ellipse of its second moments (about 1 for any filled ellipse, round or
    /// oblique; less for a ring or a ragged patch), and how many times longer than wide that ellipse is.
    static func ellipseFit(_ blob: [Int], width: Int) -> (fill: Double, elongation: Double) {
        let n = Double(blob.count)
        let (cx, cy) = centroid(blob, width: width)
        // Each cell is a unit square, whose own spread is 1/12 along either axis.
        var (xx, yy, xy) = (1.0 / 12, 1.0 / 12, 0.0)
        for i in blob {
            let dx = Double(i % width) - cx, dy = Double(i / width) - cy
            xx += dx * dx / n
            yy += dy * dy / n
            xy += dx * dy / n
        }
        let mean = (xx + yy) / 2, spread = ((xx - yy) * (xx - yy) / 4 + xy * xy).squareRoot()
        let (major, minor) = (mean + spread, max(mean - spread, 1.0 / 12))
        // A filled ellipse with semi-axes a and b has moments a²/4 and b²/4, and area πab.
        return (n / (4 * Double.pi * (major * minor).squareRoot()), (major / minor).squareRoot())
    }

    /// The mean cell position of `cells`, in cell units.
    static func centroid(_ cells: [Int], width: Int) -> (x: Double, y: Double) {
        let n = Double(cells.count)
        return (cells.reduce(0.0) { $0 + Double($1 % width) } / n, cells.reduce(0.0) { $0 + Double($1 / width) } / n)
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

    /// How many card pixels a highlight's edge takes to fall from 75% to 25% of its height above
    /// the surroundings, on the radial profile from its core's centre. Each 2-pixel ring is read at
    /// its 75th percentile, so print inside the spot does not pull the profile down.
    static func edgeWidth(_ gray: GrayImage, core: [Int], width: Int) -> Int {
        let cell = Double(glareCell)
        let centre = centroid(core, width: width)
        let (cx, cy) = ((centre.x + 0.5) * cell, (centre.y + 0.5) * cell)
        let radius = (Double(core.count) / .pi).squareRoot() * cell
        let reach = Int(3 * radius) + 16
        let ringWidth = 2
        var histograms = [[Int]](repeating: [Int](repeating: 0, count: 256), count: reach / ringWidth + 1)
        let x0 = max(0, Int(cx) - reach), x1 = min(gray.width, Int(cx) + reach)
        let y0 = max(0, Int(cy) - reach), y1 = min(gray.height, Int(cy) + reach)
        guard x0 < x1, y0 < y1 else { return 0 }
        gray.pixels.withUnsafeBufferPointer { p in
            for y in y0..<y1 {
                let dy = Double(y) - cy
                for x in x0..<x1 {
                    let dx = Double(x) - cx
                    let distance = Int((dx * dx + dy * dy).squareRoot())
                    if distance < reach { histograms[distance / ringWidth][Int(p[y * gray.width + x])] += 1 }
                }
            }
        }
        let profile: [Double?] = histograms.map { histogram in
            let total = histogram.reduce(0, +)
            guard total > 0 else { return nil }
            var seen = 0
            for (level, count) in histogram.enumerated() {
                seen += count
                if seen * 4 >= total * 3 { return Double(level) }
            }
            return 255
        }
        let top = profile[0...min(profile.count - 1, Int(radius) / ringWidth)].compactMap { $0 }.max() ?? 0
        let tail = profile[(profile.count * 2 / 3)...].compactMap { $0 }.sorted()
        guard !tail.isEmpty else { return 0 }
        let base = tail[tail.count / 2]
        let span = top - base
        guard span > 3 else { return 0 }
        func firstRing(below level: Double) -> Int {
            profile.firstIndex { $0.map { $0 < level } ?? false } ?? profile.count
        }
        return (firstRing(below: base + 0.25 * span) - firstRing(below: base + 0.75 * span)) * ringWidth
    }
}

import Foundation

/// Turns a DB text detector's probability map into line boxes: threshold, dilate, connected components, keep
/// those whose mean probability is high, grow each by the "unclip" distance, scale to the image.
///
/// Boxes are axis-aligned, not rotated rectangles: the engine levels a card before it reads it, so a text line
/// is near horizontal, and a tilted one gets a box somewhat taller than the line.
public struct DBPostprocessor: Sendable {
    public var pixelThreshold: Float
    public var boxThreshold: Float
    public var unclipRatio: Double
    /// Regions thinner than this (map pixels) are noise.
    public var minimumSide = 3
    /// More regions than this on one map is not a card.
    public var maximumRegions = 1000

    public init(pixelThreshold: Float = 0.3, boxThreshold: Float = 0.5, unclipRatio: Double = 1.6) {
        self.pixelThreshold = pixelThreshold
        self.boxThreshold = boxThreshold
        self.unclipRatio = unclipRatio
    }

    /// The text boxes of a `width` × `height` map, in the coordinates of an `imageWidth` × `imageHeight` image,
    /// in reading order.
    public func boxes(
        in map: UnsafeBufferPointer<Float>, width: Int, height: Int, imageWidth: Int, imageHeight: Int
    ) -> [DetectedText] {
        precondition(map.count >= width * height, "the map is smaller than its size")
        let mask = dilatedMask(map, width: width, height: height)
        let scaleX = Double(imageWidth) / Double(width), scaleY = Double(imageHeight) / Double(height)
        var found: [DetectedText] = []
        for region in regions(of: mask, map: map, width: width, height: height).prefix(maximumRegions) {
            let w = region.maxX - region.minX + 1, h = region.maxY - region.minY + 1
            guard min(w, h) >= minimumSide, region.meanProbability >= Double(boxThreshold) else { continue }
            // The map marks a shrunk core of each line; DB grows it back by area × ratio / perimeter.
            let distance = Double(w * h) * unclipRatio / Double(2 * (w + h))
            let minX = Double(region.minX) - distance, maxX = Double(region.maxX + 1) + distance
            let minY = Double(region.minY) - distance, maxY = Double(region.maxY + 1) + distance
            guard min(maxX - minX, maxY - minY) >= Double(minimumSide + 2) else { continue }
            let left = Self.clamp((minX * scaleX).rounded(), imageWidth)
            let right = Self.clamp((maxX * scaleX).rounded(), imageWidth)
            let top = Self.clamp((minY * scaleY).rounded(), imageHeight)
            let bottom = Self.clamp((maxY * scaleY).rounded(), imageHeight)
            guard right - left > 3, bottom - top > 3 else { continue }
            let coreTop = Self.clamp((Double(region.minY) * scaleY).rounded(), imageHeight)
            let coreBottom = Self.clamp((Double(region.maxY + 1) * scaleY).rounded(), imageHeight)
            let coreLeft = Self.clamp((Double(region.minX) * scaleX).rounded(), imageWidth)
            let coreRight = Self.clamp((Double(region.maxX + 1) * scaleX).rounded(), imageWidth)
            found.append(
                DetectedText(
                    box: PixelRect(x: left, y: top, width: right - left, height: bottom - top),
                    core: PixelRect(
                        x: coreLeft, y: coreTop, width: max(1, coreRight - coreLeft),
                        height: max(1, coreBottom - coreTop)),
                    score: region.meanProbability, angle: region.angle(scaleX: scaleX, scaleY: scaleY),
                    elongation: region.elongation))
        }
        return Self.readingOrder(found)
    }

    /// Top to bottom; boxes whose tops are within `rowTolerance` pixels of the previous one's form a row, read
    /// left to right.
    static func readingOrder(_ boxes: [DetectedText], rowTolerance: Int = 10) -> [DetectedText] {
        let byTop = boxes.enumerated().sorted { ($0.element.box.y, $0.offset) < ($1.element.box.y, $1.offset) }
        var rows: [[DetectedText]] = []
        var previousTop = Int.min
        for (_, box) in byTop {
            if rows.isEmpty || box.box.y - previousTop >= rowTolerance { rows.append([]) }
            rows[rows.count - 1].append(box)
            previousTop = box.box.y
        }
        return rows.flatMap { row in row.sorted { $0.box.x < $1.box.x } }
    }

    private static func clamp(_ value: Double, _ limit: Int) -> Int {
        min(max(Int(value), 0), limit)
    }

    /// Thresholded, then dilated by a 2 × 2 square (each pixel takes the maximum of itself and its upper and left
    /// neighbours), which joins characters that the threshold split by a pixel.
    private func dilatedMask(_ map: UnsafeBufferPointer<Float>, width: Int, height: Int) -> [Bool] {
        var mask = [Bool](repeating: false, count: width * height)
        for i in 0..<(width * height) where map[i] > pixelThreshold { mask[i] = true }
        var dilated = mask
        for y in 0..<height {
            for x in 0..<width where !mask[y * width + x] {
                let up = y > 0 && mask[(y - 1) * width + x]
                let left = x > 0 && mask[y * width + x - 1]
                let diagonal = x > 0 && y > 0 && mask[(y - 1) * width + x - 1]
                if up || left || diagonal { dilated[y * width + x] = true }
            }
        }
        return dilated
    }

    struct Region {
        var minX: Int, minY: Int, maxX: Int, maxY: Int
        var meanProbability: Double
        /// The second central moments of the region's pixels, in map pixels.
        var xx = 0.0, yy = 0.0, xy = 0.0

        /// The principal axis of the pixels, in an image scaled from the map by `scaleX` × `scaleY`.
        func angle(scaleX: Double, scaleY: Double) -> Double {
            0.5 * atan2(2 * xy * scaleX * scaleY, xx * scaleX * scaleX - yy * scaleY * scaleY)
        }

        /// The ratio of the spreads along and across the principal axis: a bar's length over its thickness.
        var elongation: Double {
            let mean = (xx + yy) / 2, spread = ((xx - yy) * (xx - yy) / 4 + xy * xy).squareRoot()
            let (major, minor) = (mean + spread, mean - spread)
            return minor > 0 ? (major / minor).squareRoot() : .infinity
        }
    }

    /// The 8-connected regions of `mask`, in the order their first pixel is met, each with the mean map
    /// probability over its pixels.
    private func regions(of mask: [Bool], map: UnsafeBufferPointer<Float>, width: Int, height: Int) -> [Region] {
        var seen = [Bool](repeating: false, count: width * height)
        var regions: [Region] = []
        var stack: [Int] = []
        for start in 0..<(width * height) where mask[start] && !seen[start] {
            seen[start] = true
            stack.append(start)
            var region = Region(minX: width, minY: height, maxX: -1, maxY: -1, meanProbability: 0)
            var sum = 0.0, count = 0
            var sx = 0.0, sy = 0.0, sxx = 0.0, syy = 0.0, sxy = 0.0
            while let index = stack.popLast() {
                let x = index % width, y = index / width
                let (fx, fy) = (Double(x), Double(y))
                sx += fx
                sy += fy
                sxx += fx * fx
                syy += fy * fy
                sxy += fx * fy
                region.minX = min(region.minX, x)
                region.maxX = max(region.maxX, x)
                region.minY = min(region.minY, y)
                region.maxY = max(region.maxY, y)
                sum += Double(map[index])
                count += 1
                for ny in max(0, y - 1)...min(height - 1, y + 1) {
                    for nx in max(0, x - 1)...min(width - 1, x + 1) {
                        let neighbour = ny * width + nx
                        if mask[neighbour], !seen[neighbour] {
                            seen[neighbour] = true
                            stack.append(neighbour)
                        }
                    }
                }
            }
            region.meanProbability = sum / Double(count)
            let n = Double(count), (mx, my) = (sx / n, sy / n)
            (region.xx, region.yy, region.xy) = (sxx / n - mx * mx, syy / n - my * my, sxy / n - mx * my)
            regions.append(region)
        }
        return regions
    }
}

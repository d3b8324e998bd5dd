/// A two-level image with the morphology and labelling the locator needs. Hand-written rather
/// than Leptonica's so the locator stays a pure, C-free function over small images.
struct BinaryMask: Sendable, Hashable {
    let width: Int
    let height: Int
    var bits: [Bool]

    init(width: Int, height: Int, bits: [Bool]? = nil) {
        self.width = width
        self.height = height
        self.bits = bits ?? [Bool](repeating: false, count: width * height)
    }

    /// Dilation then erosion with a square of side `2 * radius + 1`.
    func closed(radius: Int) -> BinaryMask { dilated(radius).eroded(radius) }

    /// Erosion then dilation with a square of side `2 * radius + 1`.
    func opened(radius: Int) -> BinaryMask { eroded(radius).dilated(radius) }

    func dilated(_ radius: Int) -> BinaryMask { filtered(radius, keep: true) }
    func eroded(_ radius: Int) -> BinaryMask { filtered(radius, keep: false) }

    /// A separable square filter: `keep == true` sets a pixel when any neighbour is set
    /// (dilation); `false` clears it when any neighbour is clear (erosion).
    private func filtered(_ radius: Int, keep: Bool) -> BinaryMask {
        var horizontal = [Bool](repeating: !keep, count: bits.count)
        for y in 0..<height {
            var count = 0
            let row = y * width
            for x in 0..<min(radius, width) where bits[row + x] == keep { count += 1 }
            for x in 0..<width {
                if x + radius < width, bits[row + x + radius] == keep { count += 1 }
                if x - radius - 1 >= 0, bits[row + x - radius - 1] == keep { count -= 1 }
                horizontal[row + x] = count > 0 ? keep : !keep
            }
        }
        var result = BinaryMask(width: width, height: height)
        for x in 0..<width {
            var count = 0
            for y in 0..<min(radius, height) where horizontal[y * width + x] == keep { count += 1 }
            for y in 0..<height {
                if y + radius < height, horizontal[(y + radius) * width + x] == keep { count += 1 }
                if y - radius - 1 >= 0, horizontal[(y - radius - 1) * width + x] == keep { count -= 1 }
                result.bits[y * width + x] = count > 0 ? keep : !keep
            }
        }
        return result
    }

    /// Sets every clear pixel that the frame's border cannot reach through clear pixels.
    func holesFilled() -> BinaryMask {
        var outside = [Bool](repeating: false, count: bits.count)
        var stack: [Int] = []
        for x in 0..<width {
            stack.append(x)
            stack.append((height - 1) * width + x)
        }
        for y in 0..<height {
            stack.append(y * width)
            stack.append(y * width + width - 1)
        }
        while let index = stack.popLast() {
            guard !bits[index], !outside[index] else { continue }
            outside[index] = true
            let x = index % width
            if index >= width { stack.append(index - width) }
            if index + width < bits.count { stack.append(index + width) }
            if x > 0 { stack.append(index - 1) }
            if x < width - 1 { stack.append(index + 1) }
        }
        return BinaryMask(width: width, height: height, bits: outside.map { !$0 })
    }

    /// The pixel indices of the largest 4-connected set region.
    func largestComponent() -> [Int]? {
        var seen = [Bool](repeating: false, count: bits.count)
        var best: [Int] = []
        var stack: [Int] = []
        for start in 0..<bits.count where bits[start] && !seen[start] {
            var component: [Int] = []
            stack.append(start)
            seen[start] = true
            while let index = stack.popLast() {
                component.append(index)
                let x = index % width
                for neighbour in [index - width, index + width, x > 0 ? index - 1 : -1, x < width - 1 ? index + 1 : -1]
                where neighbour >= 0 && neighbour < bits.count && bits[neighbour] && !seen[neighbour] {
                    seen[neighbour] = true
                    stack.append(neighbour)
                }
            }
            if component.count > best.count { best = component }
        }
        return best.isEmpty ? nil : best
    }
}

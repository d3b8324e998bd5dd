/// A coarse grid of luminance values, row-major: the scale at which lighting and glare are judged.
struct GrayGrid: Sendable, Hashable {
    let width: Int
    let height: Int
    var values: [Double]

    /// The card's diffuse (lit, unglared) level at each cell: a quadratic surface fitted to the
    /// bright background cells, refitted three times on the cells within -10% … +4% of it, so text
    /// and photos below and a highlight above do not pull it.
    func diffuseSurface() -> [Double] {
        var terms = [Double](repeating: 0, count: values.count * Self.termCount)
        for i in values.indices {
            let x = (Double(i % width) - Double(width) / 2) / Double(width)
            let y = (Double(i / width) - Double(height) / 2) / Double(width)
            let row = i * Self.termCount
            (terms[row], terms[row + 1], terms[row + 2]) = (1, x, y)
            (terms[row + 3], terms[row + 4], terms[row + 5]) = (x * x, y * y, x * y)
        }
        let sorted = values.sorted()
        let floor = sorted[Int(Double(sorted.count) * 0.3)]
        var chosen = values.map { $0 >= floor }
        var surface = values
        for _ in 0..<3 {
            guard let coefficients = Self.leastSquares(terms, values, chosen) else { break }
            for i in values.indices {
                var level = 0.0
                for k in 0..<Self.termCount { level += terms[i * Self.termCount + k] * coefficients[k] }
                surface[i] = level
                let ratio = values[i] / max(1, surface[i])
                chosen[i] = ratio > 0.9 && ratio < 1.04
            }
        }
        return surface
    }

    /// The terms of the quadratic surface: 1, x, y, x², y², xy.
    static let termCount = 6

    /// Solves the normal equations of the chosen rows (`terms` holds `termCount` per row) by
    /// Gaussian elimination with pivoting.
    static func leastSquares(_ terms: [Double], _ targets: [Double], _ chosen: [Bool]) -> [Double]? {
        let n = termCount
        // Sums of products over the chosen rows, upper triangle first, then the right-hand side.
        var sums = [Double](repeating: 0, count: n * (n + 1))
        terms.withUnsafeBufferPointer { t in
            for (row, use) in chosen.enumerated() where use {
                let base = row * n
                for i in 0..<n {
                    let ti = t[base + i]
                    for j in i..<n { sums[i * n + j] += ti * t[base + j] }
                    sums[n * n + i] += ti * targets[row]
                }
            }
        }
        var a = (0..<n).map { i in (0..<n).map { j in sums[min(i, j) * n + max(i, j)] } + [sums[n * n + i]] }
        for column in 0..<n {
            guard let pivot = (column..<n).max(by: { abs(a[$0][column]) < abs(a[$1][column]) }),
                abs(a[pivot][column]) > 1e-9
            else { return nil }
            a.swapAt(column, pivot)
            for row in 0..<n where row != column {
                let factor = a[row][column] / a[column][column]
                for k in column...n { a[row][k] -= factor * a[column][k] }
            }
        }
        return (0..<n).map { a[$0][n] / a[$0][$0] }
    }

    /// The 8-connected regions of cells that satisfy `member`, each as a list of cell indices.
    func blobs(where member: (Int) -> Bool) -> [[Int]] {
        var seen = [Bool](repeating: false, count: values.count)
        var found: [[Int]] = []
        for start in values.indices where !seen[start] && member(start) {
            found.append(blob(from: start, seen: &seen, where: member))
        }
        return found
    }

    /// The 8-connected region of cells that satisfy `member` and reach `start`, which must satisfy it.
    func blob(from start: Int, where member: (Int) -> Bool) -> [Int] {
        var seen = [Bool](repeating: false, count: values.count)
        return blob(from: start, seen: &seen, where: member)
    }

    private func blob(from start: Int, seen: inout [Bool], where member: (Int) -> Bool) -> [Int] {
        seen[start] = true
        var blob = [start]
        var next = 0
        while next < blob.count {
            let i = blob[next]
            next += 1
            let (x, y) = (i % width, i / width)
            for dy in -1...1 {
                for dx in -1...1 {
                    let (nx, ny) = (x + dx, y + dy)
                    guard nx >= 0, nx < width, ny >= 0, ny < height else { continue }
                    let j = ny * width + nx
                    if !seen[j], member(j) {
                        seen[j] = true
                        blob.append(j)
                    }
                }
            }
        }
        return blob
    }
}

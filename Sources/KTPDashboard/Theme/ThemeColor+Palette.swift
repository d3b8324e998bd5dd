// xterm's 256-colour palette: 16 system colours, a 6x6x6 cube and 24 greys.
extension ThemeColor {
    private static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]
    private static let system: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
        (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255),
        (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// The RGB value xterm shows for a palette index.
    static func rgb(of index: UInt8) -> (Int, Int, Int) {
        let index = Int(index)
        if index < 16 { return system[index] }
        if index >= 232 {
            let level = 8 + (index - 232) * 10
            return (level, level, level)
        }
        let cube = index - 16
        return (cubeLevels[cube / 36], cubeLevels[cube / 6 % 6], cubeLevels[cube % 6])
    }

    /// The cube or grey index nearest an RGB value (never a system colour: terminals redefine those).
    static func nearestIndex(red: UInt8, green: UInt8, blue: UInt8) -> UInt8 {
        let target = (Int(red), Int(green), Int(blue))
        return (16...255).min { distance(rgb(of: UInt8($0)), target) < distance(rgb(of: UInt8($1)), target) }
            .map(UInt8.init) ?? 0
    }

    /// The nearest of the first `limit` system colours (8 or 16).
    static func nearestBasic(_ target: (Int, Int, Int), limit: Int) -> UInt8 {
        UInt8((0..<min(limit, 16)).min { distance(system[$0], target) < distance(system[$1], target) } ?? 7)
    }

    private static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let (dr, dg, db) = (a.0 - b.0, a.1 - b.1, a.2 - b.2)
        return dr * dr + dg * dg + db * db
    }
}

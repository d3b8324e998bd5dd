/// A terminal colour: the terminal's own default, or an index of the 256-colour palette (0-7 basic, 8-15 bright).
public enum ThemeColor: Sendable, Equatable, Hashable {
    case terminalDefault
    case indexed(UInt8)

    /// The basic colours' names, index order.
    static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// Parses a theme file's colour: `default`, a name, `bright-NAME`, an index 0-255 or `#rrggbb`.
    public init?(name: String) {
        let name = name.lowercased()
        if name == "default" {
            self = .terminalDefault
        } else if let index = Self.names.firstIndex(of: name) {
            self = .indexed(UInt8(index))
        } else if name.hasPrefix("bright-"), let index = Self.names.firstIndex(of: String(name.dropFirst(7))) {
            self = .indexed(UInt8(index + 8))
        } else if name.hasPrefix("#"), name.count == 7, let rgb = UInt32(name.dropFirst(), radix: 16) {
            self = .indexed(
                Self.nearestIndex(
                    red: UInt8(rgb >> 16 & 0xFF), green: UInt8(rgb >> 8 & 0xFF),
                    blue: UInt8(rgb & 0xFF)))
        } else {
            return nil
        }
    }

    /// This colour on a terminal with `count` colours (8, 16 or 256): the nearest one it has.
    public func fitted(toColors count: Int) -> ThemeColor {
        guard case .indexed(let index) = self, Int(index) >= count else { return self }
        // A bright colour on an 8-colour terminal is its basic twin; the rest are matched by RGB.
        if index < 16 { return .indexed(index - 8) }
        return .indexed(Self.nearestBasic(Self.rgb(of: index), limit: count))
    }
}

import KTPDashboard

/// A theme resolved for one terminal: a colour pair and attributes per style role.
public struct ThemePalette: Sendable {
    public let pairs: [(foreground: Int16?, background: Int16?)]
    private let attributes: [StyleRole: TextAttributes]
    private let pairIndex: [StyleRole: Int16]

    /// Without colour (`NO_COLOR`, or a terminal that has none) the theme gives way to ``Theme/monochrome``,
    /// which tells roles apart by bold, underline and reverse alone.
    public init(theme: Theme, colorMode: ColorMode) {
        let theme = colorMode == .none ? Theme.monochrome : theme
        var pairs: [(foreground: Int16?, background: Int16?)] = []
        var attributes: [StyleRole: TextAttributes] = [:]
        var pairIndex: [StyleRole: Int16] = [:]
        for role in StyleRole.allCases {
            let style = theme.style(for: role)
            var set: TextAttributes = []
            if style.bold { set.insert(.bold) }
            if style.underline { set.insert(.underline) }
            if style.reverse { set.insert(.reverse) }
            attributes[role] = set
            pairs.append((Self.color(style.foreground, colorMode), Self.color(style.background, colorMode)))
            pairIndex[role] = Int16(pairs.count)
        }
        self.pairs = pairs
        self.attributes = attributes
        self.pairIndex = pairIndex
    }

    public func pair(for role: StyleRole) -> Int16 { pairIndex[role] ?? 0 }
    public func attributes(for role: StyleRole) -> TextAttributes { attributes[role] ?? [] }

    static func color(_ color: ThemeColor, _ mode: ColorMode) -> Int16? {
        guard mode != .none, case .indexed(let index) = color.fitted(toColors: mode.colors) else { return nil }
        return Int16(index)
    }

    /// The grid as runs of text per colour pair and attributes, row by row.
    public func spans(for grid: CellGrid) -> [[Span]] {
        (0..<grid.rows).map { row in
            var spans: [Span] = []
            var text = ""
            var current: StyleRole?
            for column in 0..<grid.columns {
                let cell = grid[column, row]
                if cell.role != current, let role = current {
                    spans.append(Span(text: text, pair: pair(for: role), attributes: attributes(for: role)))
                    text = ""
                }
                current = cell.role
                text.append(cell.character)
            }
            if let role = current {
                spans.append(Span(text: text, pair: pair(for: role), attributes: attributes(for: role)))
            }
            return spans
        }
    }
}

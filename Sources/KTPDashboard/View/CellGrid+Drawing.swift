extension CellGrid {
    /// Fills `rect` with `character` in `role`, or only restyles it when `keepingCharacters`.
    mutating func fill(_ rect: Rect, role: StyleRole, character: Character = " ", keepingCharacters: Bool = false) {
        let cell = Cell(character: character, role: role)
        for row in max(0, rect.y)..<min(rows, rect.maxY) {
            for column in max(0, rect.x)..<min(columns, rect.maxX) {
                if keepingCharacters { self[column, row].role = role } else { self[column, row] = cell }
            }
        }
    }

    /// Writes `text` at a point, at most `width` columns, ending in `ellipsis` when it had to cut.
    /// Control characters become `?` so no data can drive the terminal. Returns the columns used.
    @discardableResult
    mutating func write(
        _ text: some StringProtocol, at column: Int, _ row: Int, width: Int, role: StyleRole,
        ellipsis: Character = "…"
    ) -> Int {
        guard row >= 0, row < rows, width > 0 else { return 0 }
        let limit = min(width, columns - column)
        guard limit > 0 else { return 0 }
        var used = 0
        var index = text.startIndex
        while index < text.endIndex, used < limit {
            let next = text.index(after: index)
            let isLastColumn = used == limit - 1
            let character = text[index]
            if isLastColumn && next < text.endIndex {
                self[column + used, row] = Cell(character: ellipsis, role: role)
            } else {
                self[column + used, row] = Cell(character: Self.printable(character), role: role)
            }
            used += 1
            index = next
        }
        return used
    }

    /// Writes `text` so it ends at `rect`'s right edge on `row`; cuts it from the left when too long.
    @discardableResult
    mutating func writeRight(
        _ text: some StringProtocol, in rect: Rect, row: Int, role: StyleRole, ellipsis: Character = "…"
    ) -> Int {
        let count = text.count
        let width = min(count, rect.width)
        return write(text, at: rect.maxX - width, row, width: width, role: role, ellipsis: ellipsis)
    }

    /// Writes a sequence of styled pieces one after another; returns the columns used.
    @discardableResult
    mutating func write(
        _ spans: [Span], at column: Int, _ row: Int, width: Int, ellipsis: Character = "…"
    ) -> Int {
        var used = 0
        for span in spans where used < width {
            used += write(span.text, at: column + used, row, width: width - used, role: span.role, ellipsis: ellipsis)
        }
        return used
    }

    /// Draws a box's border around `rect` with an optional title on the top edge.
    mutating func box(_ rect: Rect, title: String?, glyphs: GlyphSet, role: StyleRole = .border) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        fill(rect, role: .help)
        for column in rect.x + 1..<rect.maxX - 1 {
            self[column, rect.y] = Cell(character: glyphs.horizontal, role: role)
            self[column, rect.maxY - 1] = Cell(character: glyphs.horizontal, role: role)
        }
        for row in rect.y + 1..<rect.maxY - 1 {
            self[rect.x, row] = Cell(character: glyphs.vertical, role: role)
            self[rect.maxX - 1, row] = Cell(character: glyphs.vertical, role: role)
        }
        self[rect.x, rect.y] = Cell(character: glyphs.topLeft, role: role)
        self[rect.maxX - 1, rect.y] = Cell(character: glyphs.topRight, role: role)
        self[rect.x, rect.maxY - 1] = Cell(character: glyphs.bottomLeft, role: role)
        self[rect.maxX - 1, rect.maxY - 1] = Cell(character: glyphs.bottomRight, role: role)
        if let title {
            write(" \(title) ", at: rect.x + 2, rect.y, width: rect.width - 4, role: .title, ellipsis: glyphs.ellipsis)
        }
    }

    private static func printable(_ character: Character) -> Character {
        guard let scalar = character.unicodeScalars.first else { return "?" }
        return scalar.value < 0x20 || scalar.value == 0x7F ? "?" : character
    }
}

/// A piece of text with its role, for lines made of differently styled parts.
struct Span {
    var text: String
    var role: StyleRole

    init(_ text: String, _ role: StyleRole) {
        self.text = text
        self.role = role
    }
}

/// A screen's worth of cells, row-major: what the runtime paints.
public struct CellGrid: Sendable, Equatable {
    public let columns: Int
    public let rows: Int
    /// Where the terminal's cursor belongs while a prompt is open; `nil` hides it.
    public internal(set) var cursor: GridPoint?
    var cells: [Cell]

    public init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        cells = Array(repeating: Cell(), count: self.columns * self.rows)
    }

    public subscript(column: Int, row: Int) -> Cell {
        get { cells[row * columns + column] }
        set { cells[row * columns + column] = newValue }
    }

    /// The characters of one row.
    public func line(_ row: Int) -> String {
        String(cells[row * columns..<(row + 1) * columns].map(\.character))
    }

    /// Rows joined by `"\n"`, for snapshots and tmux checks.
    public func text() -> String {
        (0..<rows).map(line).joined(separator: "\n")
    }

    /// The roles of one row, for assertions on styling.
    public func roleLine(_ row: Int) -> [StyleRole] {
        Array(cells[row * columns..<(row + 1) * columns].map(\.role))
    }
}

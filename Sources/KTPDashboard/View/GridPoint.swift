/// A cell's position: column and row from the top left, 0-based.
public struct GridPoint: Sendable, Equatable {
    public var column: Int
    public var row: Int

    public init(column: Int, row: Int) {
        self.column = column
        self.row = row
    }
}

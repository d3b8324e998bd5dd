/// One terminal column: a character and what it shows.
public struct Cell: Sendable, Equatable {
    public var character: Character
    public var role: StyleRole

    public init(character: Character = " ", role: StyleRole = .text) {
        self.character = character
        self.role = role
    }
}

/// The surfaces a card is photographed on.
public enum BackgroundKind: String, Sendable, Hashable, CaseIterable, Codable {
    case wood
    case linedPaper = "lined_paper"
    case fabric
    case darkDesk = "dark_desk"
    case plainTable = "plain_table"
}

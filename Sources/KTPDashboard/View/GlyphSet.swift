import KTP

/// The symbols the views draw with: Unicode for UTF-8 terminals, ASCII for the rest.
/// Every glyph is one terminal column wide.
public struct GlyphSet: Sendable, Equatable {
    public var pending: Character
    public var complete: Character
    public var failed: Character
    public var mark: Character
    public var ellipsis: Character
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character
    /// Filled and empty cells of a confidence bar.
    public var barFull: Character
    public var barEmpty: Character
    /// Sparkline levels, lowest first.
    public var sparks: [Character]
    /// Stands for an unset quality flag in the list's flag column.
    public var flagUnset: Character
    public var live: Character
    public var paused: Character
    public var separator: Character
    public var arrowUp: Character
    public var arrowDown: Character

    public static let unicode = GlyphSet(
        pending: "○", complete: "✓", failed: "✗", mark: "▌", ellipsis: "…", horizontal: "─", vertical: "│",
        topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘", barFull: "█", barEmpty: "░",
        sparks: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"], flagUnset: "·", live: "●", paused: "‖", separator: "·",
        arrowUp: "↑", arrowDown: "↓")

    public static let ascii = GlyphSet(
        pending: "~", complete: "+", failed: "x", mark: "*", ellipsis: "~", horizontal: "-", vertical: "|",
        topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", barFull: "#", barEmpty: ".",
        sparks: ["_", ".", ",", ":", "-", "=", "+", "#"], flagUnset: ".", live: "*", paused: "=", separator: "-",
        arrowUp: "^", arrowDown: "v")

    /// The status glyph: its shape differs per state, so colour is never the only cue.
    public func status(_ state: SubmissionState) -> Character {
        switch state {
        case .pending: pending
        case .complete: complete
        case .failed: failed
        }
    }
}

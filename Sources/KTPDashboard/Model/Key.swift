/// A key press, as the runtime decodes it from the terminal.
public enum Key: Sendable, Hashable {
    case character(Character)
    case enter, escape, backspace, tab, backTab
    case up, down, left, right, pageUp, pageDown, home, end
}

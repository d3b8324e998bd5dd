/// How many colours the terminal shows, after `NO_COLOR`.
public enum ColorMode: Sendable, Hashable {
    /// `NO_COLOR` is set, or the terminal has none: attributes only.
    case none
    case eight
    case indexed256

    /// `NO_COLOR` wins whatever its value (no-color.org); otherwise the terminal's own count.
    public static func choose(environment: [String: String], terminalColors: Int, hasColors: Bool) -> ColorMode {
        if environment["NO_COLOR"].map({ !$0.isEmpty }) == true || !hasColors { return .none }
        return terminalColors >= 256 ? .indexed256 : .eight
    }

    /// How many colours a theme's colours are fitted to (``ThemeColor/fitted(toColors:)``).
    public var colors: Int {
        switch self {
        case .none: 0
        case .eight: 8
        case .indexed256: 256
        }
    }
}

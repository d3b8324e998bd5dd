/// The `validate_quality` a reprocess sends, cycled by `v`.
public enum ValidateQualityChoice: Sendable, Equatable {
    /// Each submission keeps its own option.
    case asSubmitted
    case on
    case off

    /// What ``DashboardEffect/reprocess(ids:validateQuality:)`` carries.
    var value: Bool? {
        switch self {
        case .asSubmitted: nil
        case .on: true
        case .off: false
        }
    }

    var next: ValidateQualityChoice {
        switch self {
        case .asSubmitted: .on
        case .on: .off
        case .off: .asSubmitted
        }
    }

    var title: String {
        switch self {
        case .asSubmitted: "as submitted"
        case .on: "on"
        case .off: "off"
        }
    }
}

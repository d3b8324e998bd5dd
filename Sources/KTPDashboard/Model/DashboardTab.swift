import KTP

/// The list's views, on keys `1` to `4`.
public enum DashboardTab: Int, CaseIterable, Sendable {
    case all = 1
    case pending
    case complete
    case failed

    var title: String {
        switch self {
        case .all: "All"
        case .pending: "Pending"
        case .complete: "Complete"
        case .failed: "Failed"
        }
    }

    /// The state this view shows alone; `nil` for all.
    var state: SubmissionState? {
        switch self {
        case .all: nil
        case .pending: .pending
        case .complete: .complete
        case .failed: .failed
        }
    }

    func includes(_ state: SubmissionState) -> Bool { self.state.map { $0 == state } ?? true }
}

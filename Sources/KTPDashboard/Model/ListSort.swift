import KTP

/// The list's orders, cycled by `s`. Every order ends on the id, so it is total and rows never swap at random.
public enum ListSort: CaseIterable, Sendable {
    case newest
    case oldest
    /// Failed first, then pending, then complete; newest first within each.
    case state
    /// Slowest first; unfinished last.
    case processingTime
    case reference

    var title: String {
        switch self {
        case .newest: "newest"
        case .oldest: "oldest"
        case .state: "state"
        case .processingTime: "slowest"
        case .reference: "reference"
        }
    }

    var next: ListSort {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    func precedes(_ a: SubmissionSummary, _ b: SubmissionSummary) -> Bool {
        switch self {
        case .newest:
            return a.submittedAt != b.submittedAt ? a.submittedAt > b.submittedAt : a.id > b.id
        case .oldest:
            return a.submittedAt != b.submittedAt ? a.submittedAt < b.submittedAt : a.id < b.id
        case .state:
            let (ra, rb) = (Self.rank(a.state), Self.rank(b.state))
            return ra != rb ? ra < rb : ListSort.newest.precedes(a, b)
        case .processingTime:
            let (ta, tb) = (a.processingTime ?? -1, b.processingTime ?? -1)
            return ta != tb ? ta > tb : ListSort.newest.precedes(a, b)
        case .reference:
            return a.referenceID != b.referenceID ? a.referenceID < b.referenceID : a.id < b.id
        }
    }

    private static func rank(_ state: SubmissionState) -> Int {
        switch state {
        case .failed: 0
        case .pending: 1
        case .complete: 2
        }
    }
}

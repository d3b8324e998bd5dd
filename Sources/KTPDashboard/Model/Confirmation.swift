/// A reprocess waiting for `y`.
struct Confirmation: Equatable {
    enum Scope: Equatable {
        case selected(referenceID: String)
        case marked
        /// Every row in the view, narrowed by the filter when there is one.
        case view(DashboardTab, filter: String)
    }

    var ids: [Int64]
    var scope: Scope
}

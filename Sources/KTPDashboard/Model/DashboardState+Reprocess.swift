extension DashboardState {
    /// Refuses reprocessing in read-only mode, and while the service starts, saying why.
    mutating func allowedToReprocess() -> Bool {
        guard allowed("reprocessing") else { return false }
        if api == nil { message = .error("the service is still starting; reprocess in a moment") }
        return api != nil
    }

    mutating func askToReprocessSelected() -> [DashboardEffect] {
        guard allowedToReprocess(), let selected else { return [] }
        overlay = .confirm(Confirmation(ids: [selected.id], scope: .selected(referenceID: selected.referenceID)))
        return []
    }

    /// The marked rows, or else every row the view and filter show.
    mutating func askToReprocessBatch() -> [DashboardEffect] {
        guard allowedToReprocess() else { return [] }
        let confirmation =
            marked.isEmpty
            ? Confirmation(ids: shownIDs, scope: .view(tab, filter: filter))
            : Confirmation(ids: marked.sorted(), scope: .marked)
        if confirmation.ids.isEmpty {
            message = .error("nothing to reprocess: no rows in this view")
        } else {
            overlay = .confirm(confirmation)
        }
        return []
    }

    mutating func handleConfirmation(_ key: Key, _ confirmation: Confirmation) -> [DashboardEffect] {
        switch key {
        case .character("y"), .character("Y"), .enter:
            overlay = nil
            if confirmation.scope == .marked { marked = [] }
            let count = confirmation.ids.count
            message = .info(
                "reprocessing \(count) \(count == 1 ? "submission" : "submissions") "
                    + "(validate_quality \(validateQuality.title))…")
            return [.reprocess(ids: confirmation.ids, validateQuality: validateQuality.value)]
        case .character("n"), .character("N"), .character("q"), .escape:
            overlay = nil
            message = .info("reprocess cancelled")
        case .character("v"):
            validateQuality = validateQuality.next
        default:
            break
        }
        return []
    }
}

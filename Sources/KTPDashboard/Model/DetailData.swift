import KTP

/// A submission's full entry, loaded on demand for the detail pane.
struct DetailData {
    var submission: Submission
    var events: [LedgerEvent]
    var reprocessings: [SubmissionSummary]
}

/// Which detail was asked for, so a row's update asks again and nothing else does.
struct DetailRequest: Equatable {
    var id: Int64
    var revision: Int64
}

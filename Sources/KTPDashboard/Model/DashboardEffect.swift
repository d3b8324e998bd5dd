import KTP

/// Work the runtime does for the dashboard, answering with a ``DashboardAction``.
public enum DashboardEffect: Sendable, Equatable {
    /// Answer with ``DashboardAction/detailLoaded(_:events:reprocessings:)``.
    case loadDetail(id: Int64)
    /// Reprocess these submissions; `nil` keeps each one's own `validate_quality`.
    /// Answer with ``DashboardAction/reprocessed(originals:failures:)``.
    case reprocess(ids: [Int64], validateQuality: Bool?)
    /// Record "PII revealed" in the ledger, then answer with ``DashboardAction/revealed(id:)``.
    case reveal(id: Int64)
    /// Write these rows as masked CSV (`:export csv PATH`, ``CSVExport``) off the reducer, answering with
    /// ``DashboardAction/exportProgress(path:written:total:)`` as it goes and
    /// ``DashboardAction/exported(path:rows:)`` at the end.
    case exportCSV(path: String, rows: [SubmissionSummary])
    /// Poll and refresh every so many seconds, at least 1.
    case setRefresh(seconds: Int)
    /// Load the theme by name or path, then answer ``DashboardAction/themeApplied(name:)`` or `.failed`.
    case setTheme(String)
    case quit
}

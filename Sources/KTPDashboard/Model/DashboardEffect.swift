/// Work the runtime does for the dashboard, answering with a ``DashboardAction``.
public enum DashboardEffect: Sendable, Equatable {
    /// Answer with ``DashboardAction/detailLoaded(_:events:reprocessings:)``.
    case loadDetail(id: Int64)
    /// Reprocess these submissions; `nil` keeps each one's own `validate_quality`.
    /// Answer with ``DashboardAction/reprocessed(originals:failures:)``.
    case reprocess(ids: [Int64], validateQuality: Bool?)
    /// Record "PII revealed" in the ledger, then answer with ``DashboardAction/revealed(id:)``.
    case reveal(id: Int64)
    /// Write masked CSV text (`:export csv PATH`), then answer with ``DashboardAction/exported(path:rows:)``;
    /// the rows are the text's lines less the header (no value holds a line break).
    case writeFile(path: String, contents: String)
    /// Poll and refresh every so many seconds, at least 1.
    case setRefresh(seconds: Int)
    /// Load the theme by name or path, then answer ``DashboardAction/themeApplied(name:)`` or `.failed`.
    case setTheme(String)
    case quit
}

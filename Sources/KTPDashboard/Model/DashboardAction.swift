import Foundation
import KTP

/// Everything that can happen to the dashboard: data from the ledger, keys, time, and effects' outcomes.
public enum DashboardAction: Sendable {
    /// The ledger at start, newest first: all of it, or its first page when `complete` is false and the rest
    /// follows as ``loadedMore(_:complete:)``.
    case loaded([SubmissionSummary], complete: Bool = true)
    /// A further page of the ledger at start, in any order; `complete` on the last one.
    case loadedMore([SubmissionSummary], complete: Bool)
    /// Live upserts by id: new rows and updates. Older revisions than the row shown are ignored.
    case changed([SubmissionSummary])
    /// The answer to ``DashboardEffect/loadDetail(id:)``.
    case detailLoaded(Submission, events: [LedgerEvent], reprocessings: [SubmissionSummary])
    case key(Key)
    case resized(columns: Int, rows: Int)
    /// About once a second: the clock, ages and the sparkline.
    case tick(Date)
    /// The service the dashboard started with is reachable at `api`: reprocessing works from now on.
    case serviceReady(api: String)
    /// After a ``DashboardEffect/reprocess(ids:validateQuality:)``: how many were sent, and why others were not.
    case reprocessed(originals: Int, failures: [String])
    /// The ledger recorded the reveal of ``DashboardEffect/reveal(id:)``: show that row's PII.
    case revealed(id: Int64)
    /// An ``DashboardEffect/exportCSV(path:rows:)`` has written this many of its rows.
    case exportProgress(path: String, written: Int, total: Int)
    case exported(path: String, rows: Int)
    case themeApplied(name: String)
    /// An effect failed: shown on the message line.
    case failed(String)
}

import Foundation
import KTP

/// Everything that can happen to the dashboard: data from the ledger, keys, time, and effects' outcomes.
public enum DashboardAction: Sendable {
    /// The whole ledger at start, newest first.
    case loaded([SubmissionSummary])
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
    case exported(path: String, rows: Int)
    case themeApplied(name: String)
    /// An effect failed: shown on the message line.
    case failed(String)
}

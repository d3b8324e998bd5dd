import Foundation
import KTP

/// The whole dashboard as a value: rows, view, selection, overlays. ``reduce(_:)`` is its only way to change,
/// and the effects it returns are the only way it reaches the world.
public struct DashboardState: Sendable {
    /// The service's base URL; `nil` while it starts (the embedded one takes a moment), so the screen can
    /// paint before it is reachable.
    public private(set) var api: String?
    public let appID: String
    /// Refuses reprocessing and reveals; the footer and help show them greyed out.
    public let readOnly: Bool
    public private(set) var columns: Int
    public private(set) var rows: Int
    public private(set) var now: Date
    /// The zone of the clock and timeline; the runtime leaves it, tests fix it.
    public var timeZone: TimeZone = .current
    /// The refresh period shown in the header; `:refresh` changes it.
    public var refreshSeconds = 2
    /// The theme shown in the help; `.themeApplied` changes it.
    public var themeName = "default"
    public internal(set) var wantsQuit = false
    /// Pages of the ledger are still arriving (``DashboardAction/loadedMore(_:complete:)``).
    public internal(set) var isLoadingLedger = false

    var store = RowStore()
    var tab = DashboardTab.all
    var sort = ListSort.newest
    var filter = ""
    /// Every row index in sort order.
    var order: [Int32] = []
    /// Per row index: whether it matches the filter.
    var matches: [Bool] = []
    /// The list as shown: the order narrowed to the tab and filter, with group headers in the failed view.
    var lines: [ListLine] = []
    var rowLineCount = 0
    var selectedID: Int64?
    var selectedLine = 0
    /// The first line on screen.
    var top = 0
    var marked: Set<Int64> = []
    /// The one row whose PII is shown, until the selection moves.
    var revealedID: Int64?
    var paused = false
    /// Updates held while paused, newest revision per id.
    var held: [Int64: SubmissionSummary] = [:]
    var validateQuality = ValidateQualityChoice.asSubmitted
    var detailOpen = false
    var overlay: Overlay?
    var prompt: Prompt?
    var message: StatusMessage?
    var detail: DetailData?
    var requestedDetail: DetailRequest?

    public init(api: String?, appID: String, readOnly: Bool, columns: Int, rows: Int, now: Date) {
        self.api = api
        self.appID = appID
        self.readOnly = readOnly
        self.columns = columns
        self.rows = rows
        self.now = now
    }

    /// Applies an action; returns the effects the runtime must run.
    public mutating func reduce(_ action: DashboardAction) -> [DashboardEffect] {
        var effects: [DashboardEffect] = []
        switch action {
        case .loaded(let summaries, let complete):
            load(summaries)
            isLoadingLedger = !complete
        case .loadedMore(let summaries, let complete):
            apply(summaries)
            isLoadingLedger = !complete
        case .changed(let summaries):
            if paused {
                for summary in summaries where summary.revision >= (held[summary.id]?.revision ?? .min) {
                    held[summary.id] = summary
                }
            } else {
                apply(summaries)
            }
        case .detailLoaded(let submission, let events, let reprocessings):
            detail = DetailData(submission: submission, events: events, reprocessings: reprocessings)
        case .key(let key):
            effects = handle(key)
        case .resized(let columns, let rows):
            self.columns = columns
            self.rows = rows
        case .tick(let date):
            now = date
        case .serviceReady(let api):
            self.api = api
        case .reprocessed(let originals, let failures):
            message = Self.reprocessOutcome(originals: originals, failures: failures)
        case .revealed(let id):
            if id == selectedID { revealedID = id }
        case .exportProgress(let path, let written, let total):
            message = .info("exporting to \(path): \(written) of \(total) rows…")
        case .exported(let path, let count):
            message = .info("exported \(count) \(count == 1 ? "row" : "rows") (masked) to \(path)")
        case .themeApplied(let name):
            themeName = name
            message = .info("theme \(name)")
        case .failed(let text):
            message = .error(text)
        }
        return effects + settle()
    }

    /// The selected row, if any.
    public var selected: SubmissionSummary? { selectedID.flatMap(store.summary(id:)) }

    /// Whether the live updates are held (`p`).
    public var isPaused: Bool { paused }

    /// The detail shows beside the list when the terminal is this wide.
    static let splitColumns = 140

    var isSplit: Bool { columns >= Self.splitColumns }
    var isDetailVisible: Bool { (detailOpen || isSplit) && selectedID != nil }

    /// Keeps the selection on screen, forgets a reveal the selection left, and asks for the detail it needs.
    private mutating func settle() -> [DashboardEffect] {
        scrollToSelection()
        if revealedID != selectedID { revealedID = nil }
        guard isDetailVisible, let selected else { return [] }
        let request = DetailRequest(id: selected.id, revision: selected.revision)
        guard request != requestedDetail else { return [] }
        requestedDetail = request
        return [.loadDetail(id: selected.id)]
    }

    private static func reprocessOutcome(originals: Int, failures: [String]) -> StatusMessage {
        let sent = "reprocessed \(originals) \(originals == 1 ? "submission" : "submissions")"
        guard let first = failures.first else { return .info(sent) }
        let more = failures.count > 1 ? " (and \(failures.count - 1) more)" : ""
        return .error("\(sent); \(failures.count) failed: \(first)\(more)")
    }
}

import Foundation
import Testing

@testable import KTP
@testable import KTPDashboard

/// The ledger arriving page by page at start: the first page shows at once, later pages in any order merge
/// into the sort, and live changes that overtake a page win.
@Suite struct LedgerPageLoadingTests {
    static func empty() -> DashboardState {
        DashboardState(
            api: "http://127.0.0.1:8080", appID: "demo-app", readOnly: false, columns: 80, rows: 24,
            now: Fixtures.now)
    }

    @Test func theFirstPageShowsWhileTheRestLoadsAndTheListEndsWhole() {
        var state = Self.empty()
        let newest = (19...24).reversed().map { Fixtures.summary($0) }
        _ = state.reduce(.loaded(newest, complete: false))
        #expect(state.isLoadingLedger)
        #expect(state.shownIDs == [24, 23, 22, 21, 20, 19])
        #expect(state.selected?.id == 24)

        // Later pages come in id order, not the list's; one is more than the merge threshold.
        let many = (1_000...1_700).map { id in
            SubmissionSummary(
                id: Int64(id), referenceID: "bulk-\(id)", state: .complete,
                submittedAt: Fixtures.now.addingTimeInterval(-Double((id * 7919) % 5000) - 10_000))
        }
        #expect(many.count > DashboardState.mergeThreshold)
        _ = state.reduce(.loadedMore(many, complete: false))
        _ = state.reduce(.loadedMore((1...18).map { Fixtures.summary($0) }, complete: false))
        #expect(state.isLoadingLedger)
        _ = state.reduce(.loadedMore([], complete: true))

        #expect(!state.isLoadingLedger)
        #expect(state.store.count == 24 + many.count)
        #expect(state.selected?.id == 24, "the selection stayed on the newest row")
        let dates = state.shownIDs.map { state.store.summary(id: $0)!.submittedAt }
        #expect(state.shownIDs.count == 24 + many.count)
        #expect(dates == dates.sorted(by: >))
        #expect(Array(state.shownIDs.prefix(24)) == Array((1...24).reversed()))
    }

    @Test func aChangeThatOvertakesItsPageIsKept() {
        var state = Self.empty()
        _ = state.reduce(.loaded([Fixtures.summary(24)], complete: false))
        var finished = Fixtures.summary(23, revision: 90)
        finished.state = .complete
        _ = state.reduce(.changed([finished]))
        // The page was read before the change was written.
        _ = state.reduce(.loadedMore([Fixtures.summary(23, revision: 23)], complete: true))
        #expect(state.store.summary(id: 23)?.state == .complete)
        #expect(state.store.count(.pending) == 1)
        #expect(state.shownIDs == [24, 23])
    }

    @Test func theTitleSaysTheLedgerIsStillLoading() {
        var state = Fixtures.state(columns: 120, summaries: [])
        _ = state.reduce(.loaded(Array(Fixtures.all.prefix(5)), complete: false))
        #expect(DashboardView.render(state, glyphs: .ascii).line(0).contains("loading the ledger (5)"))
        _ = state.reduce(.loadedMore(Array(Fixtures.all.dropFirst(5)), complete: true))
        #expect(!DashboardView.render(state, glyphs: .ascii).line(0).contains("loading"))
    }
}

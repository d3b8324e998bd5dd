import Foundation
import Testing

@testable import KTP
@testable import KTPDashboard

@Suite struct DashboardStateTests {
    @Test func loadedRowsShowNewestFirstAndSelectTheFirst() {
        let state = Fixtures.state()
        #expect(state.shownIDs.first == 24)
        #expect(state.shownIDs.count == 24)
        #expect(state.selectedID == 24)
        #expect(state.store.count(.failed) == 6)
    }

    @Test func numberKeysSwitchViews() {
        var state = Fixtures.state()
        state.press(.character("2"))
        #expect(state.shownIDs == [24, 23, 22, 21, 20, 19])
        state.press(.character("3"))
        #expect(state.shownIDs.count == 12)
        #expect(state.selectedID == 12)
        state.press(.character("1"))
        #expect(state.shownIDs.count == 24)
        state.press(.tab)
        #expect(state.tab == .pending)
        state.press(.backTab, .backTab)
        #expect(state.tab == .failed)
    }

    @Test func failedViewGroupsByErrorCodeBiggestFirstAndSkipsHeaders() {
        var state = Fixtures.state()
        state.press(.character("4"))
        #expect(state.lines.first == .group(.ktpNotDetected, count: 3))
        #expect(state.lines.filter { $0.rowIndex == nil }.count == 3)
        #expect(state.selectedID == 17)
        state.press(.down, .down, .down)
        // The header of FAIL_ON_1 is skipped.
        #expect(state.selectedID == 16)
        #expect(state.lines[state.selectedLine - 1] == .group(.failOn1, count: 2))
        state.press(.end)
        #expect(state.selectedID == 18)
        state.press(.home)
        #expect(state.selectedLine == 1)
    }

    @Test func movementKeysClampAtTheEnds() {
        var state = Fixtures.state()
        state.press(.up, .character("k"))
        #expect(state.selectedID == 24)
        state.press(.character("j"), .down)
        #expect(state.selectedID == 22)
        state.press(.pageDown)
        #expect(state.selectedLine == 2 + state.listHeight - 1)
        state.press(.character("G"))
        #expect(state.selectedID == 1)
        state.press(.down)
        #expect(state.selectedID == 1)
        state.press(.character("g"))
        #expect(state.selectedID == 24)
        state.press(.end, .pageUp)
        #expect(state.selectedLine == 23 - (state.listHeight - 1))
    }

    private static func newer(_ id: Int64) -> SubmissionSummary {
        var row = Fixtures.summary(19, revision: 100 + id)
        row.id = id
        row.referenceID = "spesimen-00\(id)"
        row.submittedAt = Fixtures.now.addingTimeInterval(Double(id))
        return row
    }

    @Test func selectionStaysOnTheSameSubmissionAndScreenLineWhenRowsAreInsertedAbove() {
        var state = Fixtures.state()
        state.press(.end, .up, .up, .up)
        #expect(state.top > 0)
        let id = state.selectedID
        let offset = state.selectedLine - state.top
        _ = state.reduce(.changed([Self.newer(25), Self.newer(26)]))
        #expect(state.selectedID == id)
        #expect(state.shownIDs.prefix(2) == [26, 25])
        #expect(state.selectedLine - state.top == offset)
    }

    @Test func atTheTopNewRowsAppearAndPushTheSelectionDown() {
        var state = Fixtures.state()
        state.press(.down, .down)
        _ = state.reduce(.changed([Self.newer(25)]))
        #expect(state.selectedID == 22)
        #expect(state.top == 0)
        #expect(state.selectedLine == 3)
    }

    @Test func selectionFollowsARowThatMovesWhenItsStateChanges() {
        var state = Fixtures.state()
        state.press(.character("s"), .character("s"))  // by state: failed, pending, complete
        #expect(state.sort == .state)
        state.press(.character("G"))
        let id = state.selectedID!
        var failed = state.selected!
        failed.state = .failed
        failed.errorCode = .internalServerError
        failed.revision += 100
        _ = state.reduce(.changed([failed]))
        #expect(state.selectedID == id)
        #expect(state.selectedLine == 6)
    }

    @Test func olderRevisionsAreIgnored() {
        var state = Fixtures.state()
        var stale = Fixtures.summary(24, revision: 1)
        stale.state = .failed
        _ = state.reduce(.changed([stale]))
        #expect(state.store.summary(id: 24)?.state == .pending)
        #expect(state.store.count(.failed) == 6)
    }

    @Test func manyChangesAtOnceKeepTheOrderSorted() {
        var state = Fixtures.state(summaries: [])
        let many = (1...2000).map { index -> SubmissionSummary in
            SubmissionSummary(
                id: Int64(index), referenceID: "r\(index)", state: .pending,
                submittedAt: Fixtures.now.addingTimeInterval(Double((index * 7919) % 2000)))
        }
        _ = state.reduce(.changed(Array(many.prefix(100))))
        _ = state.reduce(.changed(Array(many.dropFirst(100))))
        let dates = state.shownIDs.map { state.store.summary(id: $0)!.submittedAt }
        #expect(dates == dates.sorted(by: >))
        #expect(state.shownIDs.count == 2000)
    }

    @Test func filterNarrowsAsYouTypeOnReferenceNIKNameAndCode() {
        var state = Fixtures.state()
        state.press(.character("/"))
        state.type("SITI")
        #expect(state.shownIDs == [2])
        state.press(.backspace, .backspace, .backspace, .backspace)
        state.type("not_det")
        #expect(Set(state.shownIDs) == [13, 15, 17])
        state.press(.escape)
        #expect(state.filter.isEmpty)
        #expect(state.shownIDs.count == 24)
        state.press(.character("/"))
        state.type("3171010101900012")
        state.press(.enter)
        #expect(state.prompt == nil)
        #expect(state.shownIDs == [12])
        // Letters typed into the filter are text, not keys.
        state.press(.character("/"))
        state.type("jq")
        #expect(state.filter == "3171010101900012jq")
        #expect(!state.wantsQuit)
    }

    @Test func narrowingTheFilterGivesWhatAFullScanGives() {
        var state = Fixtures.state()
        state.press(.character("/"))
        for text in ["s", "sp", "spe", "spes", "spesimen-001", "spesimen-0014", "spesimen-0014-"] {
            state.setFilter(text)
            let expected = Fixtures.all.filter {
                [$0.referenceID, $0.nik ?? "", $0.fullName ?? "", $0.errorCode?.rawValue ?? ""]
                    .contains { $0.lowercased().contains(text.lowercased()) }
            }.map(\.id)
            #expect(state.shownIDs == expected, "filter \(text)")
        }
    }

    @Test func escapeClearsTheFilterThenTheMarksAndNeverQuits() {
        var state = Fixtures.state()
        state.press(.character(" "))
        state.press(.character("/"))
        state.type("spes")
        state.press(.enter, .escape)
        #expect(state.filter.isEmpty)
        #expect(state.marked == [24])
        state.press(.escape)
        #expect(state.marked.isEmpty)
        #expect(!state.wantsQuit)
    }

    @Test func sortCyclesThroughEveryOrder() {
        var state = Fixtures.state()
        var seen: [ListSort] = [state.sort]
        for _ in 0..<5 {
            state.press(.character("s"))
            seen.append(state.sort)
        }
        #expect(seen == [.newest, .oldest, .state, .processingTime, .reference, .newest])
        state.press(.character("s"), .character("s"), .character("s"))
        let times = state.shownIDs.compactMap { state.store.summary(id: $0)?.processingTime }
        #expect(times == times.sorted(by: >))
        #expect(state.store.summary(id: state.shownIDs.last!)?.processingTime == nil)
    }

    @Test func spaceMarksAndMovesDown() {
        var state = Fixtures.state()
        state.press(.character(" "), .character(" "))
        #expect(state.marked == [24, 23])
        #expect(state.selectedID == 22)
        state.press(.up, .character(" "))
        #expect(state.marked == [24])
    }

    @Test func batchReprocessOfMarkedRowsAsksThenSendsThem() {
        var state = Fixtures.state()
        state.press(.character("4"), .character(" "), .character(" "))
        #expect(state.press(.character("R")).isEmpty)
        guard case .confirm(let confirmation) = state.overlay else {
            Issue.record("no confirmation")
            return
        }
        #expect(confirmation.ids == [15, 17])
        #expect(state.press(.character("y")) == [.reprocess(ids: [15, 17], validateQuality: nil)])
        #expect(state.overlay == nil)
        #expect(state.marked.isEmpty)
    }

    @Test func batchReprocessWithoutMarksTakesTheFilteredView() {
        var state = Fixtures.state()
        state.press(.character("4"), .character("/"))
        state.type("fail_on")
        state.press(.enter, .character("R"))
        #expect(state.overlay == .confirm(Confirmation(ids: [16, 14], scope: .view(.failed, filter: "fail_on"))))
        #expect(state.press(.enter) == [.reprocess(ids: [16, 14], validateQuality: nil)])
    }

    @Test func reprocessSelectedCarriesTheValidateQualityChoice() {
        var state = Fixtures.state()
        state.press(.character("v"))
        #expect(state.validateQuality == .on)
        state.press(.character("r"))
        state.press(.character("v"))
        #expect(state.validateQuality == .off)
        #expect(state.press(.character("y")) == [.reprocess(ids: [24], validateQuality: false)])
        state.press(.character("r"))
        #expect(state.press(.character("n")).isEmpty)
        #expect(state.overlay == nil)
        #expect(state.message == .info("reprocess cancelled"))
    }

    @Test func readOnlyRefusesReprocessRevealAndValidateQuality() {
        var state = Fixtures.state(readOnly: true)
        for key in ["r", "R", "m", "v"] as [Character] {
            #expect(state.press(.character(key)).isEmpty)
            #expect(state.overlay == nil)
            #expect(state.message?.isError == true)
            #expect(state.message?.text.contains("read-only") == true)
        }
        #expect(state.validateQuality == .asSubmitted)
    }

    @Test func whileTheServiceStartsTheHeaderSaysSoAndReprocessingWaits() {
        var state = Fixtures.state(api: nil)
        #expect(DashboardView.render(state, glyphs: .unicode).text().contains("starting… · app demo-app"))
        for key in ["r", "R"] as [Character] {
            #expect(state.press(.character(key)).isEmpty)
            #expect(state.overlay == nil)
            #expect(state.message?.text.contains("still starting") == true)
        }
        #expect(state.press(.character("m")) == [.reveal(id: 24)], "the ledger's own actions need no service")

        _ = state.reduce(.serviceReady(api: "http://127.0.0.1:41234"))
        #expect(DashboardView.render(state, glyphs: .unicode).text().contains("127.0.0.1:41234 · app demo-app"))
        state.press(.character("r"))
        #expect(state.overlay != nil, "reprocessing asks for confirmation once the service is up")
    }

    @Test func revealAsksTheRuntimeAndLastsUntilTheSelectionMoves() {
        var state = Fixtures.state()
        state.press(.character("3"))
        #expect(state.press(.character("m")) == [.reveal(id: 12)])
        #expect(state.revealedID == nil)
        _ = state.reduce(.revealed(id: 12))
        #expect(state.revealedID == 12)
        let text = DashboardView.render(state, glyphs: .unicode).text()
        #expect(text.contains("3171010101900012"))
        #expect(text.contains("BAYU SPES"))
        #expect(!text.contains("3171010101900011"))
        state.press(.down)
        #expect(state.revealedID == nil)
        #expect(!DashboardView.render(state, glyphs: .unicode).text().contains("3171010101900012"))
    }

    @Test func pauseHoldsUpdatesAndResumeAppliesThem() {
        var state = Fixtures.state()
        state.press(.character("p"))
        var done = Fixtures.summary(24, revision: 50)
        done.state = .complete
        _ = state.reduce(.changed([done]))
        done.revision = 40
        _ = state.reduce(.changed([done]))
        #expect(state.store.summary(id: 24)?.state == .pending)
        #expect(state.held.count == 1)
        #expect(DashboardView.render(state, glyphs: .unicode).text().contains("PAUSED 1 held"))
        state.press(.character("p"))
        #expect(state.store.summary(id: 24)?.state == .complete)
        #expect(state.store.summary(id: 24)?.revision == 50)
        #expect(state.held.isEmpty)
    }

    @Test func detailIsLoadedOnEnterAndAgainWhenTheSelectionOrItsRowChanges() {
        var state = Fixtures.state()
        #expect(state.press(.enter) == [.loadDetail(id: 24)])
        #expect(state.press(.down) == [.loadDetail(id: 23)])
        _ = state.reduce(Fixtures.detailLoaded(23))
        #expect(state.reduce(.tick(Fixtures.now.addingTimeInterval(1))).isEmpty)
        var updated = Fixtures.summary(23, revision: 99)
        updated.state = .failed
        #expect(state.reduce(.changed([updated])) == [.loadDetail(id: 23)])
        state.press(.escape)
        #expect(!state.detailOpen)
        #expect(state.press(.down).isEmpty)
    }

    @Test func wideTerminalsShowTheDetailWithoutEnter() {
        var state = Fixtures.state(columns: 160, rows: 48)
        #expect(state.isSplit)
        #expect(state.press(.down) == [.loadDetail(id: 23)])
        var narrow = Fixtures.state()
        #expect(narrow.reduce(.resized(columns: 150, rows: 40)) == [.loadDetail(id: 24)])
    }

    @Test func qQuitsButClosesOverlaysFirst() {
        var state = Fixtures.state()
        state.press(.character("?"))
        #expect(state.overlay == .help)
        #expect(state.press(.character("q")).isEmpty)
        #expect(state.overlay == nil)
        state.press(.character("?"), .escape)
        #expect(state.overlay == nil)
        #expect(!state.wantsQuit)
        #expect(state.press(.character("q")) == [.quit])
        #expect(state.wantsQuit)
    }

    @Test func effectOutcomesShowOnTheMessageLine() {
        var state = Fixtures.state()
        _ = state.reduce(.reprocessed(originals: 3, failures: []))
        #expect(state.message == .info("reprocessed 3 submissions"))
        _ = state.reduce(.reprocessed(originals: 1, failures: ["photo not kept", "x"]))
        #expect(state.message == .error("reprocessed 1 submission; 2 failed: photo not kept (and 1 more)"))
        _ = state.reduce(.failed("ledger is locked"))
        #expect(state.message == .error("ledger is locked"))
        _ = state.reduce(.themeApplied(name: "light"))
        #expect(state.themeName == "light")
        state.press(.down)
        #expect(state.message == nil)
    }
}

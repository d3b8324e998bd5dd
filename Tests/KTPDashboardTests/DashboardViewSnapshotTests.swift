import Foundation
import Testing

@testable import KTP
@testable import KTPDashboard

@Suite struct DashboardViewSnapshotTests {
    static let sizes = [(80, 24), (160, 48)]

    private func check(_ name: String, _ prepare: (inout DashboardState) -> Void) {
        for (columns, rows) in Self.sizes {
            var state = Fixtures.state(columns: columns, rows: rows)
            prepare(&state)
            let grid = DashboardView.render(state, glyphs: .unicode)
            #expect(grid.columns == columns && grid.rows == rows)
            Snapshot.check(grid.text(), named: "\(name)-\(columns)x\(rows)")
        }
    }

    /// In a split view the detail of the selection is on screen, as the runtime would answer.
    private static func answerDetail(_ state: inout DashboardState) {
        if let id = state.selectedID, state.isDetailVisible { _ = state.reduce(Fixtures.detailLoaded(id)) }
    }

    @Test func allView() {
        check("all") { state in
            state.press(.down, .down, .character(" "), .character(" "))
            Self.answerDetail(&state)
        }
    }

    @Test func pendingView() {
        check("pending") { state in
            state.press(.character("2"))
            Self.answerDetail(&state)
        }
    }

    @Test func completeView() {
        check("complete") { state in
            state.press(.character("3"))
            Self.answerDetail(&state)
        }
    }

    @Test func failedViewGroupedByErrorCode() {
        check("failed") { state in
            state.press(.character("4"), .down, .down, .down)
            Self.answerDetail(&state)
        }
    }

    @Test func detailOfACompleteSubmission() {
        check("detail-complete") { state in
            state.press(.character("3"), .enter)
            Self.answerDetail(&state)
        }
    }

    @Test func detailOfAFailedReprocessedSubmission() {
        check("detail-failed") { state in
            state.press(.character("4"), .end, .up, .enter)
            Self.answerDetail(&state)
        }
    }

    @Test func helpOverlay() {
        check("help") { $0.press(.character("?")) }
    }

    @Test func reprocessConfirmation() {
        check("confirm") { state in
            state.press(.character("4"), .character("/"))
            state.type("fail_on")
            state.press(.enter, .character("v"), .character("R"))
        }
    }

    @Test func filterPromptAndMessage() {
        check("filter") { state in
            state.press(.character("/"))
            state.type("spesimen-001")
        }
    }

    @Test func tooSmall() {
        var state = Fixtures.state(columns: 60, rows: 20)
        Snapshot.check(DashboardView.render(state, glyphs: .unicode).text(), named: "too-small-60x20")
        _ = state.reduce(.resized(columns: 80, rows: 23))
        #expect(DashboardView.render(state, glyphs: .unicode).text().contains("need 80x24, have 80x23"))
    }

    @Test func asciiGlyphsForNonUTF8Terminals() {
        var state = Fixtures.state(readOnly: true)
        state.press(.character("4"), .down)
        let text = DashboardView.render(state, glyphs: .ascii).text()
        Snapshot.check(text, named: "ascii-readonly-80x24")
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test func emptyLedgerSaysWhereRowsWillCome() {
        let state = Fixtures.state(summaries: [])
        let text = DashboardView.render(state, glyphs: .unicode).text()
        #expect(text.contains("no submissions yet"))
    }
}

import Foundation
import Testing

@testable import KTP
@testable import KTPDashboard

@Suite struct DashboardViewRoleTests {
    @Test func theSelectedRowIsSelectedAcrossTheListWidth() {
        var state = Fixtures.state()
        state.press(.down)
        let grid = DashboardView.render(state, glyphs: .unicode)
        let row = DashboardLayout(columns: 80, rows: 24, split: false).list.y + 1
        #expect(grid.roleLine(row).allSatisfy { $0 == .selected })
        #expect(grid.roleLine(row - 1).contains(.pending))
        #expect(!grid.roleLine(row - 1).contains(.selected))
    }

    @Test func statusGlyphsDifferAndCarryTheirStatesRole() {
        let grid = DashboardView.render(Fixtures.state(), glyphs: .unicode)
        let top = DashboardLayout(columns: 80, rows: 24, split: false).list.y
        let glyphs = (top..<top + 18).map { grid[1, $0] }
        #expect(glyphs[1] == Cell(character: "○", role: .pending))
        #expect(glyphs[6] == Cell(character: "✗", role: .failed))
        #expect(glyphs[12] == Cell(character: "✓", role: .complete))
    }

    @Test func readOnlyGreysOutTheActionsInTheFooter() {
        let grid = DashboardView.render(Fixtures.state(readOnly: true), glyphs: .unicode)
        let footer = grid.line(23)
        let column = footer.distance(from: footer.startIndex, to: footer.range(of: "r reprocess")!.lowerBound)
        #expect(grid[column, 23].role == .disabled)
        let help = footer.distance(from: footer.startIndex, to: footer.range(of: "? help")!.lowerBound)
        #expect(grid[help, 23].role == .footerKey)
        let writable = DashboardView.render(Fixtures.state(), glyphs: .unicode)
        #expect(writable[column, 23].role == .footerKey)
    }

    @Test func thePromptPlacesTheCursorAfterTheText() {
        var state = Fixtures.state()
        state.press(.character("/"))
        state.type("ab")
        let grid = DashboardView.render(state, glyphs: .unicode)
        #expect(grid.cursor == GridPoint(column: 4, row: 22))
        #expect(DashboardView.render(Fixtures.state(), glyphs: .unicode).cursor == nil)
    }

    @Test func controlCharactersInDataNeverReachTheTerminal() {
        var row = Fixtures.summary(24, revision: 99)
        row.referenceID = "evil\u{1B}[2Jref"
        var state = Fixtures.state()
        _ = state.reduce(.changed([row]))
        #expect(!DashboardView.render(state, glyphs: .unicode).text().contains("\u{1B}"))
    }
}

import Foundation
import Testing

@testable import KTP
@testable import KTPDashboard

@Suite struct CommandLineTests {
    private func run(_ line: String, on state: inout DashboardState) -> [DashboardEffect] {
        state.press(.character(":"))
        state.type(line)
        return state.press(.enter)
    }

    @Test func refreshHasAOneSecondFloor() {
        var state = Fixtures.state()
        #expect(run("refresh 0", on: &state) == [.setRefresh(seconds: 1)])
        #expect(state.refreshSeconds == 1)
        #expect(run("refresh 5", on: &state) == [.setRefresh(seconds: 5)])
        #expect(run("refresh -3", on: &state) == [.setRefresh(seconds: 1)])
        #expect(run("refresh soon", on: &state).isEmpty)
        #expect(state.message == .error("'soon' is not a number of seconds"))
    }

    @Test func themeAsksTheRuntimeToLoadIt() {
        var state = Fixtures.state()
        #expect(run("theme solarized-dark", on: &state) == [.setTheme("solarized-dark")])
        #expect(run("theme", on: &state).isEmpty)
        #expect(state.message == .error("usage: :theme NAME"))
    }

    @Test func unknownCommandsSaySoAndListTheKnownOnes() {
        var state = Fixtures.state()
        #expect(run("frobnicate now", on: &state).isEmpty)
        #expect(state.message?.isError == true)
        #expect(state.message?.text.hasPrefix("unknown command 'frobnicate'") == true)
        #expect(run("export json /tmp/x", on: &state).isEmpty)
        #expect(state.message == .error("cannot export 'json': only csv"))
    }

    @Test func escapeAndBackspaceLeaveTheCommandLine() {
        var state = Fixtures.state()
        state.press(.character(":"))
        state.type("q")
        state.press(.escape)
        #expect(state.prompt == nil)
        #expect(!state.wantsQuit)
        state.press(.character(":"), .backspace)
        #expect(state.prompt == nil)
        #expect(run("q", on: &state) == [.quit])
    }

    @Test func exportHandsTheCurrentViewToTheRuntimeAsMaskedCSV() throws {
        var state = Fixtures.state()
        state.press(.character("3"), .character("/"))
        state.type("siti")
        state.press(.enter)
        state.press(.character("m"))
        _ = state.reduce(.revealed(id: 2))
        let effects = run("export csv /tmp/out dir/x.csv", on: &state)
        guard case .exportCSV(let path, let rows) = effects.first else {
            Issue.record("nothing to export: \(effects)")
            return
        }
        #expect(path == "/tmp/out dir/x.csv")
        #expect(rows.map(\.id) == [2])
        let contents = CSVExport.text(rows)
        let lines = contents.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("id,reference_id,state,error_code,submitted_at"))
        #expect(lines[1].hasPrefix("2,spesimen-0002,complete,,2026-01-02T09:22:49Z,"))
        #expect(lines[1].contains(",3171********0002,S*** A***** S*******,"))
        #expect(!contents.contains("3171010101900002"))
        #expect(!contents.contains("SITI"))
    }

    @Test func exportProgressShowsWhileTheListStaysLive() {
        var state = Fixtures.state()
        let effects = run("export csv /tmp/all.csv", on: &state)
        guard case .exportCSV(_, let rows) = effects.first else {
            Issue.record("nothing to export: \(effects)")
            return
        }
        #expect(rows.count == 24)
        _ = state.reduce(.exportProgress(path: "/tmp/all.csv", written: 10, total: 24))
        #expect(state.message == .info("exporting to /tmp/all.csv: 10 of 24 rows…"))
        state.press(.down)
        #expect(state.selected?.id == 23, "keys work while the file is written")
        var pending = Fixtures.summary(24, revision: 99)
        pending.state = .complete
        _ = state.reduce(.changed([pending]))
        #expect(state.store.summary(id: 24)?.state == .complete, "live updates too")
        _ = state.reduce(.exported(path: "/tmp/all.csv", rows: 24))
        #expect(state.message == .info("exported 24 rows (masked) to /tmp/all.csv"))
    }
}

extension DashboardState {
    /// The shortest refresh period `:refresh` accepts.
    static let refreshFloor = 1

    mutating func run(_ line: String) -> [DashboardEffect] {
        let command: DashboardCommand
        do throws(CommandError) {
            command = try DashboardCommand.parse(line)
        } catch {
            message = .error(error.message)
            return []
        }
        switch command {
        case .theme(let name):
            message = .info("loading theme \(name)…")
            return [.setTheme(name)]
        case .refresh(let seconds):
            refreshSeconds = max(Self.refreshFloor, seconds)
            message = .info(
                "refreshing every \(refreshSeconds) s" + (seconds < Self.refreshFloor ? " (the floor)" : ""))
            return [.setRefresh(seconds: refreshSeconds)]
        case .exportCSV(let path):
            let rows = shownRows
            message = .info("exporting \(rows.count) rows to \(path)…")
            return [.exportCSV(path: path, rows: rows)]
        case .help:
            overlay = .help
            return []
        case .quit:
            wantsQuit = true
            return [.quit]
        }
    }
}

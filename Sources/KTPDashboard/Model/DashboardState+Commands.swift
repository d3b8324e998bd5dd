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
            let ids = shownIDs
            message = .info("exporting \(ids.count) rows to \(path)…")
            return [.writeFile(path: path, contents: CSVExport.text(ids.compactMap(store.summary(id:))))]
        case .help:
            overlay = .help
            return []
        case .quit:
            wantsQuit = true
            return [.quit]
        }
    }
}

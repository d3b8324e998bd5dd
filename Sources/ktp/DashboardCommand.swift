import ArgumentParser
import Foundation
import KTP
import KTPTerminal

struct DashboardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Watch pending, complete and failed extractions live; triage and reprocess (press ? for help)."
    )

    @Flag(help: "Show the actions greyed out and refuse them.")
    var readOnly = false

    @Option(help: "Seconds between live updates (at least 1).")
    var refresh = 1

    @OptionGroup var themes: ThemeOptions
    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        guard refresh >= 1 else { throw ValidationError("--refresh must be at least 1 second") }
    }

    func run() async throws {
        let theme = try themes.load()
        let ledger = try connection.ledger.open()
        // The screen paints while the service starts; the header says so.
        let connecting = Task { [connection] in try await connection.connect(ledger: ledger) }
        try await Connection.closing(connecting) {
            try await DashboardRuntime(
                ledger: ledger, service: { try await connecting.value.dashboardService() },
                appID: connection.resolvedAppID, readOnly: readOnly, theme: theme,
                themeDirectories: themes.directories, refresh: .seconds(refresh)
            ).run()
        }
    }
}

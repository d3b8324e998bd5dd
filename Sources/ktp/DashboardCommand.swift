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
    @OptionGroup(title: "Photo retention (of reprocessed submissions)") var photoRetention: PhotoRetentionOptions
    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        guard refresh >= 1 else { throw ValidationError("--refresh must be at least 1 second") }
    }

    func run() async throws {
        let theme = try themes.load()
        let ledger = try connection.ledger.open()
        // The screen paints while the service starts; the header says so.
        let connecting = Task { [connection] in try await connection.connect(ledger: ledger) }
        let retention = photoRetention.retention
        try await Connection.closing(connecting) {
            try await DashboardRuntime(
                ledger: ledger, service: { try await connecting.value.dashboardService(photoRetention: retention) },
                appID: connection.resolvedAppID, readOnly: readOnly, theme: theme,
                themeDirectories: themes.directories, refresh: .seconds(refresh)
            ).run()
        }
    }
}

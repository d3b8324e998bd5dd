import ArgumentParser
import Foundation
import KTP
import KTPTerminal

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Start the embedded service, open the dashboard, and submit the bundled SPESIMEN photos to it."
    )

    @Option(help: "The folder of SPESIMEN photos to submit.", completion: .directory)
    var photos = "Tests/KTPVisionTests/Fixtures"

    @Option(help: "Submit at most this many photos.")
    var limit = 30

    @OptionGroup var themes: ThemeOptions
    @OptionGroup var regions: RegionOptions

    /// Sandbox codes that end in each way the contract knows, without an engine.
    static let sandboxCodes: [(String, Bool)] = [
        ("KTP", false), ("KTP_BD", true), ("KTP_G", false), ("NO_KTP_DETECTED", false), ("KTP_F", true),
    ]

    func run() async throws {
        let files = try Self.photoFiles(in: photos).prefix(limit)
        let theme = try themes.load()
        // The demo keeps its own service and ledger, fresh each time, apart from the operator's.
        let directory = Ledger.dataDirectory().appendingPathComponent("demo")
        try await EmbeddedService.stop(in: directory)
        try? FileManager.default.removeItem(at: directory)
        let ledger = try Ledger(path: directory.appendingPathComponent("ledger.sqlite").path)
        // The screen paints while the service starts; the header says so.
        let connecting = Task { [regions] in
            try await Connection.embedded(in: directory, ledger: ledger, regions: regions)
        }
        // A day of every photo, successes too: the demo's point is to try r and v on any row.
        let photoRetention = PhotoRetention(failed: .seconds(86_400), succeeded: .seconds(86_400))
        var runtime = DashboardRuntime(
            ledger: ledger, service: { try await connecting.value.dashboardService(photoRetention: photoRetention) },
            appID: EmbeddedService.appID, readOnly: false, theme: theme, themeDirectories: themes.directories)
        // Fed through the dashboard's own submitters, which name its receivers as callback URLs.
        runtime.onServiceReady = { service in
            try await Task.sleep(for: .milliseconds(800))
            let live = service.submitters[EmbeddedService.appID]
            for (index, file) in files.enumerated() {
                let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
                let options = SubmitOptions(referenceID: "demo-\(name)", validateQuality: index % 3 == 2)
                _ = try await live?.submit(.file(file), options: options)
            }
            guard let sandbox = service.submitters[EmbeddedService.sandboxAppID] else { return }
            for (code, validate) in Self.sandboxCodes {
                let options = SubmitOptions(referenceID: "sandbox-\(code)", validateQuality: validate)
                _ = try await sandbox.submit(.sandboxCode(code), options: options)
            }
        }
        try await Connection.closing(connecting) { [runtime] in try await runtime.run() }
    }

    static func photoFiles(in folder: String) throws -> [String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw CLIError("cannot read the demo photos in \(folder) (run from the repository, or give --photos)")
        }
        let photos = names.filter { $0.hasSuffix(".jpg") || $0.hasSuffix(".png") }.sorted()
        guard !photos.isEmpty else { throw CLIError("no .jpg or .png photos in \(folder)") }
        return photos.map { URL(fileURLWithPath: folder).appendingPathComponent($0).path }
    }
}

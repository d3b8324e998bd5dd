import ArgumentParser
import Foundation
import KTP
import KTPTerminal
import Logging

/// Which contract server and ledger the SDK commands use: `--api`, `--app-id` and `--api-key` (or
/// `KTP_API_URL`, `KTP_APP_ID`, `KTP_API_KEY`), else the embedded service on loopback.
struct ConnectionOptions: ParsableArguments {
    @Option(help: "The API base URL, e.g. https://api.verihubs.com. Default: $KTP_API_URL, else the embedded service.")
    var api: String?

    @Option(help: "The application ID. Default: $KTP_APP_ID.")
    var appID: String?

    @Option(help: "The API key. Default: $KTP_API_KEY.")
    var apiKey: String?

    @OptionGroup var ledger: LedgerOption
    @OptionGroup var regions: RegionOptions

    /// Runs `body` with an open connection, and closes it however `body` ends.
    func using<T>(_ body: (Connection) async throws -> T) async throws -> T {
        try await connect().closing(after: body)
    }

    /// The application the connection uses, known before it opens.
    var resolvedAppID: String {
        appID ?? ProcessInfo.processInfo.environment["KTP_APP_ID"] ?? EmbeddedService.appID
    }

    /// The client, the ledger, and the embedded service when one was started or found.
    func connect() async throws -> Connection {
        try await connect(ledger: ledger.open())
    }

    /// The client and the embedded service when one was started or found, with `ledger` already open.
    func connect(ledger: Ledger) async throws -> Connection {
        let environment = ProcessInfo.processInfo.environment
        let api = api ?? environment["KTP_API_URL"]
        let appID = appID ?? environment["KTP_APP_ID"]
        let apiKey = apiKey ?? environment["KTP_API_KEY"]
        guard api != nil || appID != nil || apiKey != nil else {
            return try await Connection.embedded(in: Ledger.dataDirectory(), ledger: ledger, regions: regions)
        }
        guard let api, let url = URL(string: api), url.scheme == "https" || url.scheme == "http", url.host != nil
        else { throw CLIError("--api (or KTP_API_URL) must be an http(s) URL, with --app-id and --api-key") }
        guard let appID, let apiKey else {
            throw CLIError("--api needs --app-id and --api-key (or KTP_APP_ID, KTP_API_KEY)")
        }
        return Connection(client: KTPClient(baseURL: url, appID: appID, apiKey: apiKey), ledger: ledger, embedded: nil)
    }
}

/// What ``ConnectionOptions/connect()`` opened; `close()` releases it.
struct Connection {
    let client: KTPClient
    let ledger: Ledger
    let embedded: EmbeddedService?
    /// The embedded sandbox application's client, when the embedded service is in use.
    let sandbox: KTPClient?

    init(client: KTPClient, ledger: Ledger, embedded: EmbeddedService?) {
        self.client = client
        self.ledger = ledger
        self.embedded = embedded
        sandbox = embedded.map {
            KTPClient(baseURL: $0.baseURL, appID: EmbeddedService.sandboxAppID, apiKey: $0.apiKey)
        }
    }

    /// The embedded service in `directory`, with clients for its live and sandbox applications.
    static func embedded(in directory: URL, ledger: Ledger, regions: RegionOptions) async throws -> Connection {
        let embedded = try await EmbeddedService.start(in: directory, regions: regions)
        let client = KTPClient(baseURL: embedded.baseURL, appID: EmbeddedService.appID, apiKey: embedded.apiKey)
        return Connection(client: client, ledger: ledger, embedded: embedded)
    }

    /// Who may reprocess, by application: this client's, plus the embedded sandbox application's.
    func submitters(photoRetention: PhotoRetention) -> [String: Submitter] {
        var submitters = [client.appID: Submitter(client: client, ledger: ledger, photoRetention: photoRetention)]
        if let sandbox {
            submitters[sandbox.appID] = Submitter(client: sandbox, ledger: ledger, photoRetention: photoRetention)
        }
        return submitters
    }

    /// What the dashboard acts through: reprocessing, and a tracker for each application. The embedded service
    /// (which allows http callback URLs) delivers results to a receiver of each tracker on a free loopback port,
    /// so a row moves as soon as its extraction ends; polling stays the fallback, and the only way for a
    /// service elsewhere.
    func dashboardService(photoRetention: PhotoRetention) -> DashboardService {
        let configuration = Tracker.Configuration(receiver: embedded == nil ? nil : Tracker.Receiver(port: 0))
        // The terminal is the screen's: a log line (the receiver's "listening", a warning) would garble it, and
        // what the trackers do shows in the list.
        let quiet = Logger(label: "ktp.tracker") { _ in SwiftLogNoOpLogHandler() }
        let trackers = [client, sandbox].compactMap { $0 }.map {
            Tracker(client: $0, ledger: ledger, configuration: configuration, logger: quiet)
        }
        return DashboardService(
            api: client.api, submitters: submitters(photoRetention: photoRetention), trackers: trackers)
    }

    /// Runs `body`, then closes this connection however `body` ends.
    func closing<T>(after body: (Connection) async throws -> T) async throws -> T {
        do {
            let result = try await body(self)
            await close()
            return result
        } catch {
            await close()
            throw error
        }
    }

    /// Runs `body` while `connecting` opens, then closes the connection however `body` ends; one still opening
    /// is abandoned.
    static func closing<T>(
        _ connecting: Task<Connection, any Error>, after body: () async throws -> T
    ) async throws -> T {
        defer { connecting.cancel() }
        do {
            let result = try await body()
            connecting.cancel()
            await (try? await connecting.value)?.close()
            return result
        } catch {
            connecting.cancel()
            await (try? await connecting.value)?.close()
            throw error
        }
    }

    func close() async {
        try? await client.shutdown()
        try? await sandbox?.shutdown()
        embedded?.release()
    }
}

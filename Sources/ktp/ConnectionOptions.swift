import ArgumentParser
import Foundation
import KTP

/// Which contract server and ledger the SDK commands use: `--api`, `--app-id` and `--api-key` (or
/// `KTP_API_URL`, `KTP_APP_ID`, `KTP_API_KEY`), else the embedded service on loopback.
struct ConnectionOptions: ParsableArguments {
    @Option(help: "The API base URL, e.g. https://api.verihubs.com. Default: $KTP_API_URL, else the embedded service.")
    var api: String?

    @Option(help: "The application ID. Default: $KTP_APP_ID.")
    var appID: String?

    @Option(help: "The API key. Default: $KTP_API_KEY.")
    var apiKey: String?

    @Option(help: "The ledger file. Default: $XDG_DATA_HOME/ktp/ledger.sqlite.")
    var ledger: String?

    @OptionGroup var regions: RegionOptions

    /// The client, the ledger, and the embedded service when one was started or found.
    func connect() async throws -> Connection {
        let environment = ProcessInfo.processInfo.environment
        let ledger = try Ledger(path: self.ledger ?? Ledger.defaultPath())
        let api = api ?? environment["KTP_API_URL"]
        let appID = appID ?? environment["KTP_APP_ID"]
        let apiKey = apiKey ?? environment["KTP_API_KEY"]
        guard api != nil || appID != nil || apiKey != nil else {
            let embedded = try await EmbeddedService.start(regions: regions)
            let client = KTPClient(baseURL: embedded.baseURL, appID: EmbeddedService.appID, apiKey: embedded.apiKey)
            return Connection(client: client, ledger: ledger, embedded: embedded)
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

    func close() async {
        try? await client.shutdown()
        await embedded?.stop()
    }
}

import ArgumentParser
import Foundation
import KTPRate
import KTPServer
import KTPVision
import Logging

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the Extract KTP (Asynchronous) service: HTTP API, durable jobs and workers."
    )

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free one).")
    var port = 8080

    @OptionGroup var database: DatabaseOption

    @Option(name: .customLong("app"), help: "An application, ID:KEY[:live|testing|sandbox[:QUOTA]]. Repeatable.")
    var apps: [AppArgument] = []

    @Option(
        name: .customLong("rate-limit"),
        help: ArgumentHelp(
            """
            An application's submit rate, ID=COUNT/s or ID=COUNT/m: COUNT at once, then COUNT a second (or a \
            minute); over it, 429 TOO_MANY_REQUESTS with Retry-After. Repeatable. Default: no limit.
            """,
            valueName: "id=rate"))
    var rateLimits: [RateLimitArgument] = []

    @Option(help: "Worker threads running the engine. Default: one per core.")
    var workers = ProcessInfo.processInfo.activeProcessorCount

    @Flag(
        name: .customLong("allow-insecure-urls"),
        help: "Allow http:// and private, loopback or link-local URLs. For development only.")
    var allowInsecureURLs = false

    @Option(help: "Keep image bytes this long after the result is stored (e.g. 30m, 12h, 7d).")
    var retainImages: DurationArgument?

    @Option(help: "Purge results this long after completion (e.g. 30d).")
    var retainResults: DurationArgument?

    @OptionGroup var engine: EngineOptions

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0 to 65535") }
        guard workers >= 1 else { throw ValidationError("--workers must be at least 1") }
        _ = try RateLimitArgument.rates(rateLimits)
    }

    func run() async throws {
        LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
        let logger = Logger(label: "ktp.serve")
        let location = try database.location()
        let store = try await database.open(logger: Logger(label: "ktp.store"))
        for app in apps { try await store.save(app.clientApp) }
        if try await store.applications().isEmpty {
            let created = AppArgument.generated()
            try await store.save(created.clientApp)
            Diagnostics.say("created application \(created.id) (live); its API key, shown only now: \(created.key)")
        }
        let rates = try RateLimitArgument.rates(rateLimits)
        let known = Set(try await store.applications().map(\.id))
        if let unknown = rates.keys.sorted().first(where: { !known.contains($0) }) {
            throw CLIError("--rate-limit names \(unknown), which is not an application here (see --app)")
        }
        let configuration = try await engine.configuration()
        let workers = self.workers
        // OCR threads yield the CPU to the accept path (see LowerPriority).
        let pool = try LowerPriority.run { try ExtractorPool(workers: workers, configuration: configuration) }
        var server = ExtractionServer(
            store: store, engine: pool, host: host, port: port, workers: workers,
            allowsInsecureURLs: allowInsecureURLs, imageRetention: retainImages?.duration,
            resultRetention: retainResults?.duration, logger: logger
        )
        server.rateLimits = rates
        let host = self.host
        let shown = DatabaseOption.shown(location)
        try await server.run { port in
            Diagnostics.say("ktp serve listening on http://\(host):\(port) (database \(shown))")
        }
        pool.shutdown()
    }
}

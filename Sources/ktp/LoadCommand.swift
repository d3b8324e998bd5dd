import ArgumentParser
import AsyncHTTPClient
import Foundation
import KTPLoad
import KTPServer

/// `ktp load`: the accept path's benchmark against a running `ktp serve`.
struct LoadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Submit one photo at a fixed rate to a running ktp serve and report latency and throughput.",
        discussion: """
            Open loop: submit i is due at i / rate seconds, and its latency runs from that due time, \
            so a stall counts against every submit it delays. Each submit has a fresh reference_id. \
            Extractions completed per minute come from the server's /metrics (terminal results), \
            during the load and, with --drain, after it.
            """
    )

    @Option(help: "The server's base URL.")
    var url = "http://127.0.0.1:8080"

    @Option(name: .customLong("app"), help: "The application's credentials, ID:KEY.")
    var app: AppArgument

    @Option(help: "The photo to submit (JPEG or PNG, sent as base64).")
    var photo: String

    @Option(help: "Submits per second.")
    var rate: Double = 100

    @Option(help: "How long to submit (e.g. 60s, 2m).")
    var duration = DurationArgument(.seconds(60))

    @Option(help: "How long to keep counting completed extractions after the last submit (e.g. 2m).")
    var drain = DurationArgument(.zero)

    @Option(help: "At most this many connections to the server.")
    var connections = 64

    func validate() throws {
        guard rate > 0, rate <= 10_000 else { throw ValidationError("--rate must be above 0 and at most 10000") }
        guard duration.duration > .zero else { throw ValidationError("--duration must be above 0") }
        guard connections >= 1 else { throw ValidationError("--connections must be at least 1") }
    }

    func run() async throws {
        let bytes = try PhotoFile.read(photo)
        if case .failure(let refusal) = ImageIntake.accept(bytes: bytes) {
            throw CLIError("\(photo): the server would refuse it (\(refusal.code.rawValue): \(refusal.message))")
        }
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(
            idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: connections)
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        var runner = LoadRunner(
            baseURL: url, appID: app.id, apiKey: app.key, photo: bytes,
            schedule: LoadSchedule(rate: rate, duration: duration.duration))
        runner.drain = drain.duration
        let result: Result<LoadReport, LoadError>
        do {
            result = .success(try await runner.run(client: client))
        } catch {
            result = .failure(error)
        }
        try await client.shutdown()
        for line in try result.get().lines { Diagnostics.say(line) }
    }
}

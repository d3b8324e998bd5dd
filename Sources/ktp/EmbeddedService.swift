import AsyncHTTPClient
import Foundation
import KTP
import KTPServer
import KTPVision
import Logging

/// The service on loopback that `ktp` runs for itself when no API is configured, so that a newcomer
/// needs no server and no keys. Its database and credentials live under the data directory. When
/// another `ktp` process already serves it, this one uses that one instead of starting a second.
struct EmbeddedService {
    static let appID = "embedded"
    /// A sandbox application with the same key, for trying the sandbox codes.
    static let sandboxAppID = "embedded-sandbox"

    /// A port fixed by the directory, so that processes sharing one find each other's service and
    /// processes with different ones (tests, other users, the demo) do not meet.
    static func port(for directory: URL) -> Int {
        let path = directory.standardizedFileURL.path
        let hash = path.utf8.reduce(UInt32(2_166_136_261)) { ($0 ^ UInt32($1)) &* 16_777_619 }
        return 47_801 + Int(hash % 2000)
    }

    let baseURL: URL
    let apiKey: String
    private let running: Task<Void, any Error>?
    private let shutdown: AsyncStream<Void>.Continuation?
    private let engine: ExtractorPool?

    /// Starts the service in this process with its files in `directory`, or finds the one another `ktp` runs
    /// there.
    static func start(
        in directory: URL, regions: RegionOptions, workers: Int = ProcessInfo.processInfo.activeProcessorCount
    ) async throws -> EmbeddedService {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let apiKey = try credentials(in: directory)
        let port = port(for: directory)
        let baseURL = URL(string: "http://127.0.0.1:\(port)")!
        if await isServing(baseURL) {
            return EmbeddedService(baseURL: baseURL, apiKey: apiKey, running: nil, shutdown: nil, engine: nil)
        }
        let store = try SQLiteStore(path: directory.appendingPathComponent("embedded-service.sqlite").path)
        try await store.save(ClientApp(id: appID, key: apiKey, mode: .live))
        try await store.save(ClientApp(id: sandboxAppID, key: apiKey, mode: .sandbox))
        let engine = try ExtractorPool(
            workers: workers, configuration: ExtractorConfiguration(regions: try regions.load()))
        var logger = Logger(label: "ktp.embedded")
        logger.logLevel = .warning
        let server = ExtractionServer(
            store: store, engine: engine, port: port, workers: workers, allowsInsecureURLs: true, logger: logger)
        let (ready, signal) = AsyncStream.makeStream(of: Void.self)
        let (requests, shutdown) = AsyncStream.makeStream(of: Void.self)
        let running = Task {
            // Finishing the stream on any exit ends the wait below, so a failed bind is an error, never a hang.
            defer { signal.finish() }
            try await server.run(onRunning: { _ in signal.yield() }, shutdownRequests: requests)
        }
        var readiness = ready.makeAsyncIterator()
        guard await readiness.next() != nil else {
            engine.shutdown()
            do {
                try await running.value
            } catch {
                throw CLIError("the embedded service could not start on \(baseURL.absoluteString): \(error)")
            }
            throw CLIError("the embedded service stopped before it listened on \(baseURL.absoluteString)")
        }
        return EmbeddedService(baseURL: baseURL, apiKey: apiKey, running: running, shutdown: shutdown, engine: engine)
    }

    /// Whether this process runs the service, rather than another `ktp` process.
    var isInProcess: Bool { running != nil }

    /// Stops the in-process service gracefully; jobs still queued wait durably for the next run.
    func stop() async {
        shutdown?.yield()
        _ = try? await running?.value
        engine?.shutdown()
    }

    /// The embedded application's key, made once and kept in a file only its owner reads.
    static func credentials(in directory: URL) throws -> String {
        let path = directory.appendingPathComponent("embedded-credentials").path
        if let key = try? String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines),
            !key.isEmpty
        {
            return key
        }
        let key = AppArgument.generated().key
        guard
            FileManager.default.createFile(
                atPath: path, contents: Data(key.utf8), attributes: [.posixPermissions: 0o600])
        else { throw CLIError("cannot write \(path)") }
        return key
    }

    static func isServing(_ baseURL: URL) async -> Bool {
        var request = HTTPClientRequest(url: baseURL.appendingPathComponent("healthz").absoluteString)
        request.method = .GET
        let response = try? await HTTPClient.shared.execute(request, timeout: .seconds(1))
        return response?.status == .ok
    }
}

import Foundation
import KTP
import KTPRate
import KTPServer
import KTPVision
import Logging
import TestSupport

/// The real extraction service on a loopback port, with a live, a sandbox and a second live application.
/// `engine` defaults to none: sandbox tests never reach it, and engine tests pass the real one.
struct LiveService {
    static let logger: Logger = {
        var logger = Logger(label: "ktp.tests.service")
        logger.logLevel = .error
        return logger
    }()

    let directory: URL
    let port: Int
    private let shutdown: AsyncStream<Void>.Continuation
    private let running: Task<Void, any Error>

    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    static func start(
        engine: (any Extracting)? = nil, workers: Int = 1, rateLimits: [String: RequestRate] = [:]
    ) async throws -> LiveService {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ktp-sdk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try SQLiteStore(path: directory.appendingPathComponent("service.sqlite").path)
        try await store.save(ClientApp(id: "live-app", key: "live-key", mode: .live))
        try await store.save(ClientApp(id: "other-app", key: "other-key", mode: .live))
        try await store.save(ClientApp(id: "box-app", key: "box-key", mode: .sandbox))
        var server = ExtractionServer(
            store: store, engine: engine ?? NoEngine(), port: 0, workers: workers, allowsInsecureURLs: true,
            logger: logger)
        server.rateLimits = rateLimits
        let (ports, portSignal) = AsyncStream.makeStream(of: Int.self)
        let (requests, shutdown) = AsyncStream.makeStream(of: Void.self)
        let running = Task { [server] in
            try await server.run(onRunning: { portSignal.yield($0) }, shutdownRequests: requests)
        }
        var port = 0
        for await bound in ports {
            port = bound
            break
        }
        return LiveService(directory: directory, port: port, shutdown: shutdown, running: running)
    }

    func client(
        _ app: String = "live-app", key: String? = nil, configuration: KTPClient.Configuration = .init()
    )
        -> KTPClient
    {
        let keys = ["live-app": "live-key", "other-app": "other-key", "box-app": "box-key"]
        return KTPClient(baseURL: baseURL, appID: app, apiKey: key ?? keys[app] ?? "", configuration: configuration)
    }

    func ledger(_ name: String = "ledger.sqlite") throws -> Ledger {
        try Ledger(path: directory.appendingPathComponent(name).path)
    }

    func stop() async {
        shutdown.yield()
        _ = try? await running.value
        try? FileManager.default.removeItem(at: directory)
    }
}

/// For applications that never reach an engine (sandbox) or tests that only submit.
struct NoEngine: Extracting {
    struct Unavailable: Error {}

    func extract(_ bytes: [UInt8]) async throws -> Extraction { throw Unavailable() }
}

enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../KTPVisionTests/Fixtures").standardized

    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    static func regions() throws -> RegionTable {
        try RegionTable.load(path: RegionTablePath.resolved)
    }
}

/// Polls `condition` until it holds or `timeout` passes; for waiting on background work, not for timing it.
func eventually(
    timeout: Duration = .seconds(30), _ condition: () async throws -> Bool
) async throws -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try await Task.sleep(for: .milliseconds(50))
    }
    return try await condition()
}

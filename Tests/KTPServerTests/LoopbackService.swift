import Foundation
import Logging
@testable import KTPServer

/// The whole service (routes, workers, callbacks) run in-process on a loopback port, with a live
/// application `app-live:live-key` and a sandbox one `app-box:box-key`; insecure URLs allowed so
/// that image origins and callback receivers can be local. One worker runs photos through `engine`.
struct LoopbackService {
    let temporary: TemporaryStore
    let port: Int
    private let shutdown: AsyncStream<Void>.Continuation
    private let running: Task<Void, any Error>

    static func start(
        limits: ConnectionLimits = ConnectionLimits(), imageFetchTimeout: Duration = .seconds(15),
        engine: any Extracting = ExtractionAPITests.UnusedEngine()
    ) async throws -> LoopbackService {
        let temporary = try TemporaryStore()
        try await temporary.store.save(ClientApp(id: "app-live", key: "live-key", mode: .live))
        try await temporary.store.save(ClientApp(id: "app-box", key: "box-key", mode: .sandbox))
        var logger = Logger(label: "test")
        logger.logLevel = .error
        var server = ExtractionServer(
            store: temporary.store, engine: engine, port: 0, workers: 1,
            allowsInsecureURLs: true, logger: logger)
        server.limits = limits
        server.imageFetchTimeout = imageFetchTimeout
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
        return LoopbackService(temporary: temporary, port: port, shutdown: shutdown, running: running)
    }

    func stop() async {
        shutdown.yield()
        _ = try? await running.value
    }

    /// Runs `body` against a fresh service and stops it afterwards, thrown or not.
    static func with<T>(
        limits: ConnectionLimits = ConnectionLimits(), imageFetchTimeout: Duration = .seconds(15),
        engine: any Extracting = ExtractionAPITests.UnusedEngine(), _ body: (LoopbackService) async throws -> T
    ) async throws -> T {
        let service = try await start(limits: limits, imageFetchTimeout: imageFetchTimeout, engine: engine)
        do {
            let value = try await body(service)
            await service.stop()
            return value
        } catch {
            await service.stop()
            throw error
        }
    }
}

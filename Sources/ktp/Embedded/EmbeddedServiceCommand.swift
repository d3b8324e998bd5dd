import ArgumentParser
import Foundation
import Glibc
import KTPServer
import KTPVision
import Logging

/// The embedded service's own process, started by ``EmbeddedService`` and not meant to be run by hand: it
/// listens on a free loopback port, records it, and stops once no `ktp` process has used it for a while.
struct EmbeddedServiceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "embedded-service",
        abstract: "Run the embedded service of a data folder (ktp starts it when needed).",
        shouldDisplay: false
    )

    @Option(help: "The data folder whose service this is.")
    var directory: String

    @Option(help: "Stop after this many seconds without a ktp process using the service.")
    var idleExit = 10

    @OptionGroup var engine: EngineOptions

    func run() async throws {
        // A session of its own: closing the terminal, or ^C in it, must not stop what other processes share.
        _ = setsid()
        signal(SIGHUP, SIG_IGN)
        let files = EmbeddedService.Files(directory: URL(fileURLWithPath: directory))
        let apiKey = try EmbeddedService.credentials(in: files)
        let store = try SQLiteStore(path: files.database)
        try await store.save(ClientApp(id: EmbeddedService.appID, key: apiKey, mode: .live))
        try await store.save(ClientApp(id: EmbeddedService.sandboxAppID, key: apiKey, mode: .sandbox))
        let configuration = try await engine.configuration()
        let workers = ProcessInfo.processInfo.activeProcessorCount
        let pool = try LowerPriority.run { try ExtractorPool(workers: workers, configuration: configuration) }
        defer { pool.shutdown() }
        var logger = Logger(label: "ktp.embedded")
        logger.logLevel = .warning
        let server = ExtractionServer(
            store: store, engine: pool, port: 0, workers: workers, allowsInsecureURLs: true, logger: logger)
        let (requests, shutdown) = AsyncStream.makeStream(of: Void.self)
        let idleExit = Duration.seconds(idleExit)
        let watching = Task {
            await Self.waitUntilUnused(files, for: idleExit)
            shutdown.yield()
        }
        defer { watching.cancel() }
        try await server.run(
            onRunning: { [logger] port in
                do {
                    try ServiceRecord(pid: getpid(), port: port).write(in: files.directory)
                    Diagnostics.say("embedded service \(getpid()) listening on http://127.0.0.1:\(port)")
                } catch {
                    logger.error("cannot record the service's port: \(error)")
                    shutdown.yield()
                }
            }, shutdownRequests: requests)
        ServiceRecord.remove(in: files.directory, pid: getpid())
    }

    /// Returns once no process has used the service for `grace`, holding the locks from then until this
    /// process ends: a process that comes later waits for it to end, then starts a new service.
    private static func waitUntilUnused(_ files: EmbeddedService.Files, for grace: Duration) async {
        var unusedSince: ContinuousClock.Instant?
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(1))
            do {
                guard let starting = try FileLock.attempt(.exclusive, at: files.startLock) else {
                    unusedSince = nil
                    continue
                }
                guard let users = try FileLock.attempt(.exclusive, at: files.users) else {
                    starting.release()
                    unusedSince = nil
                    continue
                }
                let since = unusedSince ?? .now
                unusedSince = since
                guard ContinuousClock.now - since >= grace else {
                    users.release()
                    starting.release()
                    continue
                }
                // Neither lock is released: the kernel drops them when this process ends.
                ServiceRecord.remove(in: files.directory, pid: getpid())
                return
            } catch {
                // The folder is gone (a demo starting afresh, a test cleaning up): no one can find us any more.
                return
            }
        }
    }
}

import Foundation
import Hummingbird
import HummingbirdCore
import KTPRate
import NIOCore
import Logging
import ServiceLifecycle

/// The whole service: HTTP routes plus the workers, run as one service group so that SIGTERM
/// and SIGINT stop accepting, let in-flight jobs finish, and exit cleanly.
public struct ExtractionServer: Sendable {
    public var store: any ServiceStore
    public var engine: any Extracting
    public var host: String
    public var port: Int
    public var workers: Int
    public var allowsInsecureURLs: Bool
    public var imageRetention: Duration?
    public var resultRetention: Duration?
    public var metrics = ServiceMetrics()
    /// What one client connection may hold: idle and body timeouts, connections per address.
    public var limits = ConnectionLimits()
    /// The longest an image URL may take to fetch (the contract's 15 s).
    public var imageFetchTimeout: Duration = .seconds(15)
    /// Submits per application, by App-ID; an application not named here is not limited.
    public var rateLimits: [String: RequestRate] = [:]
    public var logger: Logger

    public init(
        store: any ServiceStore, engine: any Extracting, host: String = "127.0.0.1", port: Int = 8080,
        workers: Int, allowsInsecureURLs: Bool = false, imageRetention: Duration? = nil,
        resultRetention: Duration? = nil, logger: Logger
    ) {
        self.store = store
        self.engine = engine
        self.host = host
        self.port = port
        self.workers = workers
        self.allowsInsecureURLs = allowsInsecureURLs
        self.imageRetention = imageRetention
        self.resultRetention = resultRetention
        self.logger = logger
    }

    /// The HTTP application alone; `onRunning` receives the bound port (useful with port 0).
    public func application(
        fetcher: ImageFetcher? = nil, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    )
        -> some ApplicationProtocol
    {
        let router = Router()
        router.add(middleware: ContractErrorMiddleware())
        router.get("/healthz") { _, _ in
            Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(string: "ok\n")))
        }
        ExtractionAPI(
            apps: store, jobs: store, validator: SubmitValidator(allowsInsecureURLs: allowsInsecureURLs),
            metrics: metrics, fetcher: fetcher, rateLimiter: ApplicationRateLimiter(rateLimits), logger: logger
        ).addRoutes(to: router)
        let limits = self.limits
        let perAddress = AddressConnections(limit: limits.connectionsPerAddress)
        let http1 = HTTP1Channel.Configuration(
            additionalChannelHandlers: [
                AddressLimitHandler(connections: perAddress), RequestHeadErrorHandler(), ExpectContinueHandler(),
                BodyDeadlineHandler(timeout: limits.bodyTimeout),
            ],
            idleTimeout: .nanoseconds(Int64(limits.idleTimeout.timeInterval * 1e9)),
            httpDecoderConfiguration: .init(
                maxHeaderFieldSize: limits.maxHeadBytes, maxHeaderListSize: limits.maxHeadBytes)
        )
        return Application(
            router: router,
            server: .http1(configuration: http1),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "ktp"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger
        )
    }

    /// Serves until SIGTERM or SIGINT, or until `shutdownRequests` yields, then shuts down gracefully.
    public func run(
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }, shutdownRequests: AsyncStream<Void>? = nil
    ) async throws {
        let leftovers = try await store.removeLeftovers()
        if leftovers > 0 { logger.warning("removed what a crash left behind", metadata: ["count": "\(leftovers)"]) }
        var jobWorkers = JobWorkers(
            store: store, processor: JobProcessor(engine: engine), workers: workers,
            logger: logger)
        jobWorkers.metrics = metrics
        jobWorkers.imageRetention = imageRetention
        jobWorkers.resultRetention = resultRetention
        let client = ImageFetcher.makeClient()
        let outbound = OutboundGuard(policy: URLPolicy(allowsInsecure: allowsInsecureURLs))
        var fetcher = ImageFetcher(client: client, guard: outbound)
        fetcher.timeout = imageFetchTimeout
        var dispatcher = CallbackDispatcher(store: store, client: client, outbound: outbound, logger: logger)
        dispatcher.metrics = metrics
        // A group shuts its services down in reverse order: HTTP stops accepting first, then the
        // workers finish the jobs in hand, and the dispatcher goes last.
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [
                    .init(service: dispatcher), .init(service: jobWorkers),
                    .init(service: application(fetcher: fetcher, onRunning: onRunning)),
                ],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            )
        )
        let requests = Task {
            guard let shutdownRequests else { return }
            for await _ in shutdownRequests {
                await group.triggerGracefulShutdown()
                return
            }
        }
        defer { requests.cancel() }
        do {
            try await group.run()
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }
}

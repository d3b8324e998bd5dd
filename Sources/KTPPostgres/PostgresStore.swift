import Foundation
import KTPServer
import Logging
import PostgresNIO
import Synchronization

/// Applications, jobs, their photos and callbacks in one PostgreSQL database that many `ktp serve`
/// processes share, on one host or several.
///
/// Every process must reach every photo, so photos live in a table of their own (`job_image`),
/// not in files; a photo's row is deleted in the transaction that stores its result, unless
/// images are retained. Claims are single `UPDATE … WHERE id = (SELECT … FOR UPDATE SKIP LOCKED)`
/// statements: each is its own short transaction, so no snapshot is held open while a job runs
/// and concurrent claimers never wait on one another's rows.
public final class PostgresStore: Sendable {
    let client: PostgresClient
    let logger: Logger
    /// Signalled by every submit's `NOTIFY`, from any process.
    public let jobsArrived: JobSignal
    /// The client's connection pool, and the listener on ``jobsChannel``, run in these tasks for as
    /// long as the store lives: the store is opened before the service group that runs the server,
    /// and outlives it.
    private let running: Task<Void, Never>
    private let listening: Task<Void, Never>
    /// Yields each time the listener starts listening.
    let listenerStarted: AsyncStream<Void>
    /// Whether the listener holds its connection: the store's sign that the database is there.
    private let listenerConnected: ListenerState

    /// The channel a submit notifies, so that idle workers in every process wake at once.
    static let jobsChannel = "ktp_jobs"

    init(configuration: PostgresClient.Configuration, logger: Logger) {
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.client = client
        self.logger = logger
        running = Task { await client.run() }
        let (started, starts) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        listenerStarted = started
        let signal = JobSignal()
        jobsArrived = signal
        let connected = ListenerState()
        listenerConnected = connected
        listening = Task {
            await Self.listen(client: client, signal: signal, started: starts, connected: connected, logger: logger)
        }
    }

    /// Whether the listener is connected; it starts out so, since a store is opened only after its database answered.
    final class ListenerState: Sendable {
        private let connected = Mutex(true)

        var isConnected: Bool { connected.withLock { $0 } }

        func set(_ value: Bool) { connected.withLock { $0 = value } }
    }

    deinit {
        listening.cancel()
        running.cancel()
    }

    /// Holds one connection listening on ``jobsChannel`` and signals each notification. A lost
    /// connection is opened again after a pause; each (re)start signals once, for what was
    /// submitted while no one listened.
    private static func listen(
        client: PostgresClient, signal: JobSignal, started: AsyncStream<Void>.Continuation,
        connected: ListenerState, logger: Logger
    ) async {
        while !Task.isCancelled {
            do {
                try await client.withConnection { connection in
                    try await connection.listen(on: jobsChannel) { notifications in
                        connected.set(true)
                        started.yield()
                        signal.signal()
                        for try await _ in notifications { signal.signal() }
                    }
                }
            } catch {
                if Task.isCancelled { return }
                connected.set(false)
                logger.warning("listening for submits failed; polling until it is back", metadata: [
                    "error": "\(describe(error))"
                ])
            }
            try? await Task.sleep(for: .seconds(1))
        }
    }

    /// Connects to the database that `url` names (`postgres://user[:password]@host[:port]/database`),
    /// checks that it answers within `timeout`, brings its schema up to date and listens for submits.
    public static func connect(
        url: String, timeout: Duration = .seconds(10), logger: Logger
    ) async throws(PostgresStartupError) -> PostgresStore {
        let database = try DatabaseURL(url)
        let store = PostgresStore(configuration: database.configuration, logger: logger)
        let migrated = await withTaskGroup(of: PostgresStartupError?.self) { group in
            group.addTask {
                // One connection of its own first: the pool would retry a refused connection, a
                // wrong password or a missing database in silence until the timeout.
                do {
                    let probe = try await PostgresConnection.connect(
                        configuration: try database.connectionConfiguration(), id: 0, logger: logger)
                    try? await probe.close()
                } catch {
                    return PostgresStartupError(.unreachable, "\(database.server): \(Self.describe(error))")
                }
                do {
                    try await store.migrate()
                } catch {
                    return PostgresStartupError(.migration, Self.describe(error))
                }
                for await _ in store.listenerStarted { break }
                return nil
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return Task.isCancelled
                    ? nil : PostgresStartupError(.unreachable, "no answer from \(database.server) within \(timeout)")
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
        if let failure = migrated { throw failure }
        return store
    }

    /// Runs `body` in one transaction: all of it is stored, or none.
    func transaction<T: Sendable>(
        _ body: @escaping @Sendable (PostgresConnection) async throws -> T
    ) async throws(StoreError) -> T {
        let logger = self.logger
        do {
            return try await withConnection { connection in
                try await connection.withTransaction(logger: logger) { connection in try await body(connection) }
            }
        } catch {
            throw Self.storeError(error)
        }
    }

    /// Runs one statement, in a transaction of its own; returns its rows.
    func rows(_ query: PostgresQuery) async throws(StoreError) -> [PostgresRow] {
        let logger = self.logger
        do {
            return try await withConnection { connection in
                try await connection.query(query, logger: logger).collect()
            }
        } catch {
            throw Self.storeError(error)
        }
    }

    /// How long an operation waits for a connection of the pool before it fails.
    static let connectionWait: Duration = .seconds(5)

    /// Runs `body` on a connection of the pool. While the listener has lost its connection (the
    /// database is away), it fails if no connection is to be had within ``connectionWait``: the
    /// pool keeps trying to connect and holds each request until its circuit breaker opens, which
    /// was seen to take a minute, where an API request should hear within seconds that nothing can
    /// be stored, and answer 500. A database that is there but busy is waited for: a burst of
    /// requests on a small pool is not an outage. Only the wait is cut short: once `body` has its
    /// connection it runs to its end, so a statement is never cancelled half way and left in doubt.
    private func withConnection<T: Sendable>(
        _ body: @escaping @Sendable (PostgresConnection) async throws -> T
    ) async throws -> T {
        let client = self.client
        guard !listenerConnected.isConnected else {
            return try await client.withConnection { connection in try await body(connection) }
        }
        let lease = Lease()
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await client.withConnection { connection in
                    guard lease.settle(.leased) else { throw CancellationError() }
                    return try await body(connection)
                }
            }
            group.addTask {
                try await Task.sleep(for: Self.connectionWait)
                if lease.settle(.expired) {
                    throw StoreError(.database, "no connection to the database within \(Self.connectionWait)")
                }
                return nil
            }
            while let next = try await group.next() {
                if let value = next {
                    group.cancelAll()
                    return value
                }
            }
            throw CancellationError()
        }
    }

    /// Whether an operation has its connection, or gave up waiting for one: whichever comes first.
    private final class Lease: Sendable {
        enum State {
            case waiting, leased, expired
        }

        private let state = Mutex(State.waiting)

        /// Settles the wait as `outcome` unless it is settled already; whether `outcome` is how it ended.
        func settle(_ outcome: State) -> Bool {
            state.withLock { state in
                if state == .waiting { state = outcome }
                return state == outcome
            }
        }
    }

    /// Runs `body`, which reads a row, with its failure as the store's.
    static func decoding<T>(_ body: () throws -> T) throws(StoreError) -> T {
        do {
            return try body()
        } catch {
            throw storeError(error)
        }
    }

    /// The store's error for `error`. A PostgreSQL error keeps only the server's message: the
    /// query and its bindings may hold a result, whose NIK and name are never logged.
    static func storeError(_ error: any Error) -> StoreError {
        switch error {
        case let error as StoreError: error
        case let error as PostgresTransactionError:
            (error.closureError ?? error.commitError ?? error.beginError ?? error.rollbackError).map(storeError)
                ?? StoreError(.database, "the transaction failed")
        default: StoreError(.database, describe(error))
        }
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? StoreError { return error.detail }
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            // A connection's own failure (refused, reset, TLS) carries no query and no data.
            return error.underlying.map { "\(error.code): \($0)" } ?? "\(error.code)"
        }
        return "\(type(of: error))"
    }
}

/// Why a PostgreSQL store could not be opened at start-up.
public struct PostgresStartupError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        /// The database URL is not `postgres://user@host[:port]/database`.
        case invalidURL
        /// No server answered, or it refused the connection or the credentials.
        case unreachable
        /// The schema could not be brought up to date.
        case migration
    }

    public let code: Code
    public let detail: String

    public init(_ code: Code, _ detail: String) {
        self.code = code
        self.detail = detail
    }

    public var description: String { "PostgreSQL \(code.rawValue): \(detail)" }
}

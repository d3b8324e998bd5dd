import Foundation
import KTPContract
@testable import KTPPostgres
import Logging
import PostgresNIO
import Testing
@testable import KTPServer

/// What only the PostgreSQL store has: several processes on one database (each a store of its
/// own here), migrations under a lock, photos in a table, `NOTIFY` on submit, start-up errors.
@Suite struct PostgresStoreTests {
    static let logger = Logger(label: "ktp.test.postgres")

    static func connect(_ url: String) async throws -> PostgresStore {
        try await PostgresStore.connect(url: url, logger: logger)
    }

    @Test func processesStartingTogetherApplyEachMigrationOnce() async throws {
        let url = try await PostgresServer.shared.newDatabase()
        let stores = try await withThrowingTaskGroup(of: PostgresStore.self) { group in
            for _ in 0..<4 { group.addTask { try await Self.connect(url) } }
            return try await group.reduce(into: [PostgresStore]()) { $0.append($1) }
        }
        let versions = try await stores[0].client.query("SELECT version FROM schema_migration ORDER BY version")
            .collect().map { try $0.decode(Int.self) }
        #expect(versions == PostgresStore.migrations.map(\.version))
        // Each sees the schema the others made.
        try await stores[1].save(ClientApp(id: "app-live", key: "k", mode: .live))
        #expect(try await stores[3].application(id: "app-live") != nil)
    }

    @Test func quotaIsSpentExactlyAcrossProcesses() async throws {
        let url = try await PostgresServer.shared.newDatabase()
        let first = try await Self.connect(url)
        let second = try await Self.connect(url)
        try await first.save(ClientApp(id: "app-test", key: "k", mode: .testing(quota: 10)))
        let accepted = await withTaskGroup(of: Bool.self) { group in
            for i in 0..<50 {
                let store = i.isMultiple(of: 2) ? first : second
                group.addTask {
                    (try? await store.enqueue(StoreSuiteTests.job(String(format: "q-%03d", i), app: "app-test")))
                        != nil
                }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(accepted == 10)
        #expect(try await second.application(id: "app-test")?.mode == .testing(quota: 10, used: 10))
    }

    @Test func aPhotoLivesInItsOwnTableUntilItsResultIsStored() async throws {
        let open = try await StoreKind.postgres.seeded()
        let store = try #require(open.store as? PostgresStore)
        _ = try await store.enqueue(StoreSuiteTests.job("ref-001"))
        let photos = { try await store.client.query("SELECT count(*) FROM job_image").collect()[0].decode(Int.self) }
        #expect(try await photos() == 1)
        let job = try #require(try await StoreSuiteTests.claim(store, "w1"))
        // Another process reaches the same photo.
        #expect(job.image == [1, 2, 3])
        _ = try await store.complete(
            jobID: job.id, worker: "w1", attempt: job.attempt, result: StoreSuiteTests.body("ref-001"),
            at: StoreSuiteTests.t0, retainImage: false)
        #expect(try await photos() == 0)
    }

    @Test(.timeLimit(.minutes(1)))
    func aSubmitToOneProcessWakesTheIdleWorkersOfAnother() async throws {
        let open = try await StoreKind.postgres.seeded()
        let submitter = open.store
        let url = open.location
        let idle = try await Self.connect(url)
        // The poll interval is a minute: only the notification can wake the worker sooner.
        let elapsed = try #require(await Self.timeToWake(idle, submitter: submitter))
        #expect(elapsed < .seconds(30), "woken after \(elapsed), before the 60 s poll")
    }

    /// How long `waiter`'s idle workers wait while `submitter` submits every 100 ms (the first may go before they
    /// wait), up to a minute; nil if a minute was not enough.
    static func timeToWake(_ waiter: PostgresStore, submitter: any JobStore) async -> Duration? {
        let clock = ContinuousClock()
        return await withTaskGroup(of: Duration?.self) { group in
            group.addTask { await clock.measure { await waiter.jobsArrived.wait(upTo: .seconds(60)) } }
            group.addTask {
                for i in 0..<100 where !Task.isCancelled {
                    _ = try? await submitter.enqueue(StoreSuiteTests.job(String(format: "wake-%03d", i)))
                    try? await Task.sleep(for: .milliseconds(100))
                }
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    @Test func aBadURLIsAClearErrorAtStartUp() async throws {
        let urls = [
            "postgres://127.0.0.1/db", "postgres://user@/db", "postgres://user@host", "postgres://u@h/d?sslmode=x",
            "postgres://u@h/d?pool_size=1", "postgres://u@h/d?sslmode=disable&pool_size=1001",
            "postgres://u@h/d?pool_size=ten", "postgres://u@h/d?pool_size=",
        ]
        for url in urls {
            do {
                _ = try await Self.connect(url)
                Issue.record("\(url) was taken")
            } catch let error as PostgresStartupError {
                #expect(error.code == .invalidURL, "\(url): \(error)")
                if url.contains("pool_size") { #expect(error.detail.contains("pool_size"), "\(error)") }
            }
        }
    }

    @Test func thePoolSizeIsTakenFromTheURLAndDefaultsToTwenty() throws {
        #expect(try DatabaseURL("postgres://u@h/d").configuration.options.maximumConnections == 20)
        let sized = try DatabaseURL("postgres://u@h/d?sslmode=disable&pool_size=3")
        #expect(sized.configuration.options.maximumConnections == 3)
        #expect(sized.sslMode == .disable)
    }

    /// Thirty submits at once through a store whose URL says `pool_size=3`: all are stored, over
    /// no more than three connections (PostgresNIO's default would open up to twenty).
    @Test(.timeLimit(.minutes(1)))
    func aStoreOpensNoMoreConnectionsThanItsPoolSize() async throws {
        let url = try await PostgresServer.shared.newDatabase()
        let store = try await Self.connect(url + "&pool_size=3")
        try await store.save(ClientApp(id: "app-live", key: "k", mode: .live))
        let stored = await withTaskGroup(of: Bool.self) { group in
            for i in 0..<30 {
                group.addTask { (try? await store.enqueue(StoreSuiteTests.job(String(format: "pool-%03d", i)))) != nil }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(stored == 30)
        // The pool keeps the connections it opened idle for a minute: counted after, they are all
        // it ever had. The observer's own connection is not the store's.
        let observer = try await PostgresConnection.connect(
            configuration: try DatabaseURL(url).connectionConfiguration(), id: 1, logger: Self.logger)
        let connections = try await observer.query(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
            logger: Self.logger
        ).collect()[0].decode(Int.self)
        try await observer.close()
        #expect((1...3).contains(connections), "\(connections) connections")
        withExtendedLifetime(store) {}
    }

    @Test(.timeLimit(.minutes(1)))
    func anUnreachableServerIsAClearErrorAtStartUp() async throws {
        // Nothing listens on port 1 of loopback: the connection is refused.
        let url = "postgres://postgres@127.0.0.1:1/ktp?sslmode=disable"
        do {
            _ = try await PostgresStore.connect(url: url, timeout: .seconds(5), logger: Self.logger)
            Issue.record("connected to nothing")
        } catch {
            #expect(error.code == .unreachable)
            #expect(error.detail.contains("refused"), "\(error)")
        }
    }
}

/// A PostgreSQL server restarted under a store: the store reconnects, its listener listens again,
/// and nothing accepted before is lost.
@Suite struct PostgresRestartTests {
    @Test(.timeLimit(.minutes(2)))
    func aStoreComesBackAfterItsServerRestartsAndLosesNothingAccepted() async throws {
        let server = PostgresServer()
        let url = try await server.newDatabase()
        let store = try await PostgresStore.connect(url: url, logger: PostgresStoreTests.logger)
        try await store.save(ClientApp(id: "app-live", key: "k", mode: .live))
        for i in 0..<10 { _ = try await store.enqueue(StoreSuiteTests.job(String(format: "before-%03d", i))) }

        try await server.restart()
        // The pool's connections died with the server: a use may fail until new ones are made.
        var accepted = 0
        let deadline = ContinuousClock.now + .seconds(30)
        while accepted < 10, ContinuousClock.now < deadline {
            do {
                _ = try await store.enqueue(StoreSuiteTests.job(String(format: "after-%03d", accepted)))
                accepted += 1
            } catch {
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        #expect(accepted == 10)
        #expect(try await store.countsByState() == [.queued: 20, .running: 0, .done: 0])
        #expect(try await store.job(applicationID: "app-live", referenceID: "before-000")?.image == [1, 2, 3])

        // The listener is back: another process's submit wakes this one's idle workers.
        for await _ in store.listenerStarted { break }
        let other = try await PostgresStore.connect(url: url, logger: PostgresStoreTests.logger)
        let elapsed = try #require(await PostgresStoreTests.timeToWake(store, submitter: other))
        #expect(elapsed < .seconds(30), "woken after \(elapsed), before the 60 s poll")
    }
}

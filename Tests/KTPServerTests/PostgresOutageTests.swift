import Foundation
import KTPContract
import KTPPostgres
import Logging
import TestSupport
import Testing
@testable import KTPServer

/// The PostgreSQL server going away under running `ktp serve` processes: stopped for a while, or
/// restarted. What was accepted is completed once it is back; what could not be stored meanwhile
/// is answered `500 INTERNAL_SERVER_ERROR`.
@Suite struct PostgresOutageTests {
    /// The contract's error body: exactly `message` and `error_code`.
    static func isInternalServerError(_ answer: (status: Int, body: [String: Any])) -> Bool {
        answer.status == 500 && Set(answer.body.keys) == ["message", "error_code"]
            && answer.body["error_code"] as? String == "INTERNAL_SERVER_ERROR"
            && !((answer.body["message"] as? String) ?? "").isEmpty
    }

    static var photos: [String] {
        get throws {
            try FileManager.default.contentsOfDirectory(atPath: WorkerEndToEndTests.fixtures.path)
                .filter { $0.hasSuffix(".jpg") }.sorted()
        }
    }

    /// Waits until one of `references` of the application `serve` is running: a job in hand.
    static func waitForARunningJob(_ store: PostgresStore, references: [String]) async throws {
        let deadline = ContinuousClock.now + .seconds(120)
        while ContinuousClock.now < deadline {
            if try await PostgresServeTests.holdsALease(store, references: references, workerPrefix: "worker-") {
                return
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("no job was running within two minutes")
    }

    /// Every job of `app` named in `references` is done once, with a result that is not the
    /// internal failure of a job whose runs were lost.
    static func expectCompleted(
        _ references: [String], app: String, in store: PostgresStore, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        for reference in references {
            let job = try #require(
                try await store.job(applicationID: app, referenceID: reference), sourceLocation: sourceLocation)
            #expect(
                job.state == .done && job.result != nil, "\(reference): \(job.state)", sourceLocation: sourceLocation)
            #expect(job.result?.errorCode != .internalServerError, "\(reference)", sourceLocation: sourceLocation)
            #expect(
                job.attempt <= JobWorkers.maxAttempts, "\(reference) ran \(job.attempt) times",
                sourceLocation: sourceLocation)
        }
    }

    /// A worker that finished a job while the database was away keeps its result and stores it
    /// once the database is back, rather than dropping it and leaving the job to be run again.
    @Test(.timeLimit(.minutes(3)))
    func aResultMadeWhileTheDatabaseIsAwayIsStoredOnceItIsBack() async throws {
        let server = PostgresServer()
        let url = try await server.newDatabase()
        let store = try await PostgresStore.connect(url: url, logger: PostgresStoreTests.logger)
        try await store.save(ClientApp(id: "app-live", key: "k", mode: .live))
        _ = try await store.enqueue(StoreSuiteTests.job("away-001"))
        let job = try #require(
            try await store.claim(worker: "w1", lane: .extraction, lease: .seconds(600), now: StoreSuiteTests.t0))
        let capture = LogCapture()
        let workers = JobWorkers(
            store: store, processor: JobProcessor(engine: ExtractionAPITests.UnusedEngine()), workers: 1,
            logger: capture.logger(label: "ktp.test.workers"))

        try await server.stop()
        let storing = Task { await workers.storeResult(StoreSuiteTests.body("away-001"), of: job, worker: "w1") }
        // Back only once a try has failed: the result must outlive the failure.
        let deadline = ContinuousClock.now + .seconds(60)
        while !capture.recorded.contains(where: { $0.contains("storing a result failed") }),
            ContinuousClock.now < deadline
        {
            try await Task.sleep(for: .milliseconds(100))
        }
        try await server.resume()
        #expect(await storing.value == true)
        let done = try #require(try await store.job(applicationID: "app-live", referenceID: "away-001"))
        #expect(done.state == .done && done.attempt == 1)
        #expect(done.result?.data.referenceID == "away-001")
    }

    /// A real `ktp serve` whose PostgreSQL stops while it works on a photo: submits and result
    /// queries answer the contract's `500`, the jobs accepted before are all completed after the
    /// server is back, and the service accepts submits again without being restarted.
    @Test(.timeLimit(.minutes(6)))
    func whileTheDatabaseIsAwayTheAPIAnswers500AndNothingAcceptedIsLost() async throws {
        let database = PostgresServer()
        let url = try await database.newDatabase()
        let serve = try await ServeProcess.start(database: url, workers: 1, arguments: ["--app", "box:secret:sandbox"])
        defer { serve.process.terminate() }
        let photos = try Self.photos
        let photoReferences = (0..<3).map { String(format: "away-photo-%03d", $0) }
        for (index, reference) in photoReferences.enumerated() {
            #expect(try await serve.submit(photo: photos[index % photos.count], referenceID: reference))
        }
        let before = (0..<10).map { String(format: "before-%03d", $0) }
        for reference in before { #expect(try await serve.submitSandbox(reference).status == 200) }
        let store = try await PostgresStore.connect(url: url, logger: PostgresStoreTests.logger)
        try await Self.waitForARunningJob(store, references: photoReferences)

        try await database.stop()
        let refused = try await serve.submitSandbox("during-001")
        #expect(Self.isInternalServerError(refused), "\(refused)")
        let unread = try await serve.answer(path: ExtractionAPI.resultPath + "?reference_id=before-000", app: "box")
        #expect(Self.isInternalServerError(unread), "\(unread)")
        #expect(serve.process.isRunning)

        try await database.resume()
        // The service reconnects by itself: a submit is accepted again.
        var after: [String] = []
        let deadline = ContinuousClock.now + .seconds(120)
        var tries = 0
        while after.isEmpty, ContinuousClock.now < deadline {
            let reference = String(format: "after-%03d", tries)
            tries += 1
            let answer = try await serve.submitSandbox(reference)
            if answer.status == 200 {
                after.append(reference)
            } else {
                #expect(Self.isInternalServerError(answer), "\(answer)")
                try await Task.sleep(for: .milliseconds(500))
            }
        }
        #expect(after.count == 1, "no submit was accepted within two minutes of the database's return")

        let photosDone = try await serve.waitForResults(photoReferences, within: .seconds(240))
        #expect(photosDone.count == photoReferences.count)
        let sandboxDone = try await serve.waitForResults(before + after, app: "box", within: .seconds(60))
        #expect(sandboxDone.count == before.count + after.count)
        try await Self.expectCompleted(photoReferences, app: "serve", in: store)
        try await Self.expectCompleted(before + after, app: "box", in: store)
        #expect(try await store.job(applicationID: "box", referenceID: "during-001") == nil)
    }

    /// Two `ktp serve` processes while their PostgreSQL restarts: every submit accepted before
    /// or during the restart is completed once, and both processes accept submits after it.
    @Test(.timeLimit(.minutes(6)))
    func everyJobAcceptedBeforeOrDuringARestartOfPostgreSQLIsCompleted() async throws {
        let database = PostgresServer()
        let url = try await database.newDatabase()
        var servers: [ServeProcess] = []
        for _ in 0..<2 {
            servers.append(
                try await ServeProcess.start(database: url, workers: 1, arguments: ["--app", "box:secret:sandbox"]))
        }
        defer { for server in servers { server.process.terminate() } }
        let photos = try Self.photos
        let photoReferences = (0..<4).map { String(format: "restart-photo-%03d", $0) }
        for (index, reference) in photoReferences.enumerated() {
            #expect(try await servers[index % 2].submit(photo: photos[index % photos.count], referenceID: reference))
        }
        var accepted: [String] = []
        for index in 0..<20 {
            let reference = String(format: "before-%03d", index)
            if try await servers[index % 2].submitSandbox(reference).status == 200 { accepted.append(reference) }
        }
        #expect(accepted.count == 20)
        let store = try await PostgresStore.connect(url: url, logger: PostgresStoreTests.logger)
        try await Self.waitForARunningJob(store, references: photoReferences)

        // Submits keep coming, to both processes, while the server restarts; a submit is either
        // accepted or answered 500, never anything else.
        let servers2 = servers
        let during = Task {
            var accepted: [String] = []
            for index in 0..<60 {
                let reference = String(format: "during-%03d", index)
                let answer = try await servers2[index % 2].submitSandbox(reference)
                if answer.status == 200 {
                    accepted.append(reference)
                } else {
                    #expect(Self.isInternalServerError(answer), "\(answer)")
                }
                try await Task.sleep(for: .milliseconds(50))
            }
            return accepted
        }
        try await Task.sleep(for: .milliseconds(500))
        try await database.restart()
        accepted += try await during.value

        // Both processes are back: each accepts a submit.
        for (index, server) in servers.enumerated() {
            var back = false
            let deadline = ContinuousClock.now + .seconds(120)
            var tries = 0
            while !back, ContinuousClock.now < deadline {
                let reference = String(format: "after-%d-%03d", index, tries)
                tries += 1
                back = try await server.submitSandbox(reference).status == 200
                if back { accepted.append(reference) } else { try await Task.sleep(for: .milliseconds(500)) }
            }
            #expect(back, "process \(index) accepts no submit after the restart")
        }

        let photosDone = try await servers[0].waitForResults(photoReferences, within: .seconds(240))
        #expect(photosDone.count == photoReferences.count)
        let sandboxDone = try await servers[1].waitForResults(accepted, app: "box", within: .seconds(90))
        #expect(sandboxDone.count == accepted.count)
        try await Self.expectCompleted(photoReferences, app: "serve", in: store)
        try await Self.expectCompleted(accepted, app: "box", in: store)
        let counts = try await store.countsByState()
        #expect(counts[.queued] == 0 && counts[.running] == 0)
    }
}

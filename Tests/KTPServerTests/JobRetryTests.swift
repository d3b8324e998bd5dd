import Foundation
import KTPContract
import Testing
@testable import KTPServer

/// An internal failure through the real store and workers: retried with backoff, then a
/// terminal `FAILED` / `INTERNAL_SERVER_ERROR` after the third attempt.
@Suite struct JobRetryTests {
    @Test func aJobThatFailsThreeTimesEndsFailedWithAnInternalServerError() async throws {
        let temporary = try await SQLiteStoreTests.seeded()
        let store = temporary.store
        let submitted = Date()
        _ = try await store.enqueue(
            NewJob(
                applicationID: "app-live", referenceID: "lost-001", options: JobOptions(), image: [1, 2, 3],
                submittedAt: submitted))
        // The photo's file is lost: every attempt fails inside the worker, never in the engine.
        let directory = temporary.path + "-images"
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
            try FileManager.default.removeItem(atPath: directory + "/" + name)
        }
        var workers = JobWorkers(
            store: store, processor: JobProcessor(engine: ExtractionAPITests.UnusedEngine()), workers: 1,
            logger: ExtractionAPITests.logger)
        workers.pollInterval = .milliseconds(20)
        let running = Task { [workers] in try await workers.run() }
        defer { running.cancel() }
        var job: Job?
        let deadline = ContinuousClock.now + .seconds(60)
        while job?.state != .done, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
            job = try await store.job(applicationID: "app-live", referenceID: "lost-001")
        }
        let done = try #require(job)
        #expect(done.state == .done)
        #expect(done.attempt == JobWorkers.maxAttempts)
        #expect(done.result?.errorCode == .internalServerError)
        #expect(done.result?.data.status == .failed)
        #expect(done.result?.data.imageQuality == nil && done.result?.data.completedAt != nil)
        // Two backoffs, 1 s and 2 s, came between the three attempts.
        let completed = try #require(done.completedAt)
        #expect(completed.timeIntervalSince(submitted) >= 3)
    }

    /// A photo that kills its process each time: every lease runs out and is rescued. The claim
    /// after the third is not run but ends the job as an internal failure, in either store.
    @Test(arguments: StoreKind.allCases)
    func aJobWhoseRunsKeepBeingLostEndsFailedUnrun(kind: StoreKind) async throws {
        let open = try await kind.seeded()
        defer { withExtendedLifetime(open) {} }
        let store = open.store
        _ = try await store.enqueue(StoreSuiteTests.job("crash-001"))
        let start = StoreSuiteTests.t0
        for run in 0..<JobWorkers.maxAttempts {
            let now = start.addingTimeInterval(Double(run) * 60)
            _ = try #require(try await store.claim(worker: "w", lane: .extraction, lease: .seconds(30), now: now))
            #expect(try await store.rescueExpired(now: now.addingTimeInterval(31)) == 1)
        }
        let last = try #require(
            try await store.claim(worker: "w", lane: .extraction, lease: .seconds(30), now: start + 3600))
        let workers = JobWorkers(
            store: store, processor: JobProcessor(engine: ExtractionAPITests.UnusedEngine()), workers: 1,
            logger: ExtractionAPITests.logger)
        await workers.run(last, worker: "w")
        let done = try #require(try await store.job(applicationID: "app-live", referenceID: "crash-001"))
        #expect(done.state == .done && done.attempt == JobWorkers.maxAttempts + 1)
        #expect(done.result?.errorCode == .internalServerError)
        #expect(done.result?.data.status == .failed)
    }
}

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
}

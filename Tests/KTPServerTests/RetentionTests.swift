import Foundation
import KTPVision
import Testing
@testable import KTPServer

/// Image and result retention through the real store, workers and engine, with short durations.
@Suite struct RetentionTests {
    /// A store with one live application and one queued job holding a fixture photo.
    static func storeWithOneJob() async throws -> TemporaryStore {
        let temporary = try TemporaryStore()
        try await temporary.store.save(ClientApp(id: "app-live", key: "k", mode: .live))
        let photo = try [UInt8](
            Data(contentsOf: WorkerEndToEndTests.fixtures.appendingPathComponent("0001-ktp-clean.jpg")))
        _ = try await temporary.store.enqueue(
            NewJob(
                applicationID: "app-live", referenceID: "keep-001", options: JobOptions(), image: photo,
                submittedAt: Date()))
        return temporary
    }

    /// Runs real workers on `store` with the given retention until `done` holds for the job (or
    /// 60 s pass), checking `always` on every look; returns the job as last seen.
    static func run(
        _ store: SQLiteStore, retainImages: Duration?, retainResults: Duration?,
        always: (Job?) -> Void = { _ in },
        until done: (Job?) -> Bool
    ) async throws -> Job? {
        let engine = try ExtractorPool(
            workers: 1, configuration: ExtractorConfiguration(regions: try WorkerEndToEndTests.regions()))
        defer { engine.shutdown() }
        var workers = JobWorkers(
            store: store, processor: JobProcessor(engine: engine), workers: 1, logger: ExtractionAPITests.logger)
        workers.pollInterval = .milliseconds(20)
        workers.rescueInterval = .milliseconds(100)
        workers.imageRetention = retainImages
        workers.resultRetention = retainResults
        let running = Task { [workers] in try await workers.run() }
        defer { running.cancel() }
        let deadline = ContinuousClock.now + .seconds(60)
        var job: Job?
        repeat {
            try await Task.sleep(for: .milliseconds(50))
            job = try await store.job(applicationID: "app-live", referenceID: "keep-001")
            always(job)
        } while !done(job) && ContinuousClock.now < deadline
        return job
    }

    @Test func imageBytesAreDeletedOnceTheResultIsStored() async throws {
        let temporary = try await Self.storeWithOneJob()
        let job = try await Self.run(temporary.store, retainImages: nil, retainResults: nil) { $0?.state == .done }
        #expect(job?.result?.data.status == .success)
        #expect(job?.image == nil)
    }

    @Test func retainedImagesAreKeptForTheirDurationThenPurged() async throws {
        let temporary = try await Self.storeWithOneJob()
        let retention: TimeInterval = 2
        var keptWhileYoung = 0
        let job = try await Self.run(
            temporary.store, retainImages: .seconds(2), retainResults: nil,
            always: { job in
                guard let job, let completed = job.completedAt else { return }
                // Younger than the retention (with a margin for the check's own delay): still kept.
                if Date().timeIntervalSince(completed) < retention - 0.5 {
                    #expect(job.image != nil, "purged \(Date().timeIntervalSince(completed)) s after the result")
                    keptWhileYoung += 1
                }
                if job.image == nil {
                    #expect(Date().timeIntervalSince(completed) >= retention, "purged too early")
                }
            },
            until: { $0?.state == .done && $0?.image == nil })
        #expect(keptWhileYoung > 0, "the image was never seen kept")
        #expect(job?.image == nil, "the image was never purged")
        #expect(job?.result?.data.status == .success, "the result itself is kept")
    }

    @Test func resultsArePurgedAfterTheirRetention() async throws {
        let temporary = try await Self.storeWithOneJob()
        var completedAt: Date?
        let job = try await Self.run(
            temporary.store, retainImages: nil, retainResults: .seconds(2),
            always: { job in
                if let completed = job?.completedAt { completedAt = completed }
            },
            until: { $0 == nil && completedAt != nil })
        #expect(job == nil, "the result was never purged")
        let completed = try #require(completedAt)
        #expect(Date().timeIntervalSince(completed) >= 2, "purged too early")
        #expect(try await temporary.store.countsByState() == [.queued: 0, .running: 0, .done: 0])
    }
}

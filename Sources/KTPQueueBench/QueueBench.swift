import Foundation
import KTPContract
import KTPServer

/// Measures a store alone, with no engine: how fast jobs are enqueued, and how fast workers claim
/// and complete them with a no-op body. Every job carries a small photo, as a real one does, so
/// that the photo's write and its deletion on completion are counted.
public struct QueueBench: Sendable {
    /// Jobs per round.
    public var jobs: Int
    /// The application the bench's jobs belong to; created if missing.
    public static let applicationID = "queue-bench"
    static let photo = [UInt8](repeating: 0xA5, count: 1024)

    public init(jobs: Int) {
        self.jobs = max(1, jobs)
    }

    /// One round on `store`, emptied of finished jobs first: `workers` submitters enqueue
    /// ``jobs``, then `workers` workers claim and complete until none is left.
    public func round(store: any ServiceStore, named name: String, workers: Int) async throws -> QueueBenchRound {
        try await store.save(ClientApp(id: Self.applicationID, key: "queue-bench", mode: .live))
        _ = try await store.purge(imagesBefore: nil, resultsBefore: .distantFuture)
        let run = UUID().uuidString.prefix(8)
        let clock = ContinuousClock()
        let jobs = self.jobs
        let enqueueStart = clock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for submitter in 0..<workers {
                group.addTask {
                    for index in stride(from: submitter, to: jobs, by: workers) {
                        _ = try await store.enqueue(
                            NewJob(
                                applicationID: Self.applicationID, referenceID: "qb-\(run)-\(index)",
                                options: JobOptions(), image: Self.photo, submittedAt: Date()))
                    }
                }
            }
            try await group.waitForAll()
        }
        let enqueueTime = clock.now - enqueueStart
        let drainStart = clock.now
        let completed = try await withThrowingTaskGroup(of: Int.self) { group in
            for worker in 0..<workers {
                group.addTask { try await Self.drain(store, worker: "bench-\(worker)") }
            }
            return try await group.reduce(0, +)
        }
        return QueueBenchRound(
            store: name, workers: workers, enqueued: jobs, enqueueTime: enqueueTime, completed: completed,
            drainTime: clock.now - drainStart)
    }

    /// Claims and completes jobs until none is runnable; returns how many it completed.
    static func drain(_ store: any ServiceStore, worker: String) async throws -> Int {
        var completed = 0
        while let job = try await store.claim(worker: worker, lane: .extraction, lease: .seconds(60), now: Date()) {
            let result = ResultBody(
                data: ExtractionResult(
                    referenceID: job.referenceID, status: .success, submittedAt: job.submittedAt,
                    completedAt: Date()))
            if try await store.complete(
                jobID: job.id, worker: worker, attempt: job.attempt, result: result, at: Date(), retainImage: false)
            {
                completed += 1
            }
        }
        return completed
    }
}

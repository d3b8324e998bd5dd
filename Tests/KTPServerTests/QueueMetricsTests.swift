import Foundation
import Testing
@testable import KTPServer

/// The queue's series on `/metrics` as the workers feed them, on either store: claims and lease
/// rescues counted, the queue's depth and the oldest job's age read from the store.
@Suite struct QueueMetricsTests {
    @Test(arguments: StoreKind.allCases)
    func workersCountTheirClaimsAndTheLeasesTheyRescue(kind: StoreKind) async throws {
        let open = try await kind.seeded()
        defer { withExtendedLifetime(open) {} }
        let store = open.store
        var workers = JobWorkers(
            store: store, processor: JobProcessor(engine: ExtractionAPITests.UnusedEngine()), workers: 1,
            logger: ExtractionAPITests.logger)
        let metrics = ServiceMetrics()
        workers.metrics = metrics
        _ = try await store.enqueue(StoreSuiteTests.job("ref-001"))
        _ = try await store.enqueue(StoreSuiteTests.job("ref-002"))
        let t0 = StoreSuiteTests.t0
        #expect(try await workers.claim(worker: "w1", lane: .extraction, now: t0) != nil)
        #expect(try await workers.claim(worker: "w2", lane: .extraction, now: t0) != nil)
        #expect(try await workers.claim(worker: "w3", lane: .extraction, now: t0) == nil)
        #expect(try await workers.rescueExpired(now: t0 + 10) == 0)
        #expect(try await workers.rescueExpired(now: t0 + workers.lease.timeInterval + 1) == 2)
        let text = metrics.exposition(counts: [:], queue: try await store.queueStats(), now: t0 + 40)
        #expect(text.contains("ktp_job_claims_total 2\n"))
        #expect(text.contains("ktp_lease_rescues_total 2\n"))
        #expect(text.contains("ktp_queue_depth 2.0\n"))
        #expect(text.contains("ktp_queue_oldest_age_seconds 40.0\n"))
    }
}

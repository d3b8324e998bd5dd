import Foundation
import KTPContract
import Testing
@testable import KTPServer

/// What every store must do, run against each kind: the same rows, claims, leases and quota.
@Suite struct StoreSuiteTests {
    static let t0 = SQLiteStoreTests.t0
    static let lease = Duration.seconds(30)

    static func job(_ ref: String, app: String = "app-live") -> NewJob { SQLiteStoreTests.job(ref, app: app) }

    static func body(_ ref: String) -> ResultBody {
        ResultBody(data: ExtractionResult(referenceID: ref, status: .success, submittedAt: t0))
    }

    static func claim(_ store: any ServiceStore, _ worker: String, at seconds: TimeInterval = 0) async throws -> Job? {
        try await store.claim(worker: worker, lane: .extraction, lease: lease, now: t0.addingTimeInterval(seconds))
    }

    @Test(arguments: StoreKind.allCases)
    func aReferenceIDIsUniquePerApplicationOnly(kind: StoreKind) async throws {
        let open = try await kind.seeded()
        defer { withExtendedLifetime(open) {} }
        let store = open.store
        _ = try await store.enqueue(Self.job("ref-001"))
        await #expect(throws: StoreError(.referenceIDExists, "ref-001")) {
            try await store.enqueue(Self.job("ref-001"))
        }
        _ = try await store.enqueue(Self.job("ref-001", app: "app-other"))
        #expect(try await store.exists(applicationID: "app-live", referenceID: "ref-001"))
        #expect(try await store.job(applicationID: "app-other", referenceID: "ref-001")?.applicationID == "app-other")
        #expect(try await store.job(applicationID: "app-live", referenceID: "nope-00") == nil)
        await #expect(throws: StoreError(.unknownApplication, "app-none")) {
            try await store.enqueue(Self.job("ref-001", app: "app-none"))
        }
    }

    @Test(arguments: StoreKind.allCases)
    func fiftyConcurrentSubmitsAgainstAQuotaOfTenAcceptExactlyTen(kind: StoreKind) async throws {
        let open = try await kind.empty()
        defer { withExtendedLifetime(open) {} }
        let store = open.store
        try await store.save(ClientApp(id: "app-test", key: "k", mode: .testing(quota: 10)))
        let outcomes = await withTaskGroup(of: StoreError.Code?.self) { group in
            for i in 0..<50 {
                group.addTask {
                    do throws(StoreError) {
                        _ = try await store.enqueue(Self.job(String(format: "quota-%03d", i), app: "app-test"))
                        return nil
                    } catch {
                        return error.code
                    }
                }
            }
            return await group.reduce(into: [StoreError.Code?]()) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 == nil }.count == 10)
        #expect(outcomes.filter { $0 == .quotaSpent }.count == 40)
        #expect(try await store.application(id: "app-test")?.mode == .testing(quota: 10, used: 10))
    }

    @Test(arguments: StoreKind.allCases)
    func aRefusedSubmitSpendsNoQuota(kind: StoreKind) async throws {
        let open = try await kind.empty()
        defer { withExtendedLifetime(open) {} }
        let store = open.store
        try await store.save(ClientApp(id: "app-test", key: "k", mode: .testing(quota: 2)))
        _ = try await store.enqueue(Self.job("ref-001", app: "app-test"))
        await #expect(throws: StoreError.self) { try await store.enqueue(Self.job("ref-001", app: "app-test")) }
        #expect(try await store.application(id: "app-test")?.mode == .testing(quota: 2, used: 1))
    }

    @Test(arguments: StoreKind.allCases)
    func savingAnApplicationAgainKeepsWhatItUsed(kind: StoreKind) async throws {
        let open = try await kind.empty()
        defer { withExtendedLifetime(open) {} }
        let store = open.store
        let app = ClientApp(id: "app-test", key: "k", mode: .testing(quota: 2))
        try await store.save(app)
        _ = try await store.enqueue(Self.job("ref-001", app: "app-test"))
        _ = try await store.enqueue(Self.job("ref-002", app: "app-test"))
        try await store.save(app)
        #expect(try await store.application(id: "app-test")?.mode == .testing(quota: 2, used: 2))
        await #expect(throws: StoreError(.quotaSpent, "app-test")) {
            try await store.enqueue(Self.job("ref-003", app: "app-test"))
        }
        try await store.save(ClientApp(id: "app-test", key: "k", mode: .testing(quota: 3)))
        _ = try await store.enqueue(Self.job("ref-003", app: "app-test"))
        #expect(try await store.application(id: "app-test")?.mode.quotaRemaining == 0)
    }

    @Test(arguments: StoreKind.allCases)
    func claimsLeaseTheOldestJobToOneWorkerAtATime(kind: StoreKind) async throws {
        let open = try await kind.seeded()
        defer { withExtendedLifetime(open) {} }
        let store = open.store
        _ = try await store.enqueue(Self.job("ref-001"))
        _ = try await store.enqueue(Self.job("ref-002"))
        let first = try #require(try await Self.claim(store, "w1"))
        let second = try #require(try await Self.claim(store, "w2"))
        #expect(first.referenceID == "ref-001")
        #expect(second.referenceID == "ref-002")
        #expect(first.state == .running && first.attempt == 1 && first.leaseOwner == "w1")
        #expect(first.image == [1, 2, 3])
        #expect(try await Self.claim(store, "w3") == nil)
        #expect(try await store.countsByState() == [.queued: 0, .running: 2, .done: 0])
    }

    @Test(arguments: StoreKind.allCases)
    func queueStatsCountQueuedJobsAndDateTheOldestStillWaiting(kind: StoreKind) async throws {
        let open = try await kind.seeded()
        defer { withExtendedLifetime(open) {} }
        let store = open.store
        #expect(try await store.queueStats() == QueueStats(depth: 0, oldestSubmittedAt: nil))
        var later = Self.job("ref-002")
        later.submittedAt = Self.t0.addingTimeInterval(5)
        _ = try await store.enqueue(Self.job("ref-001"))
        _ = try await store.enqueue(later)
        #expect(try await store.queueStats() == QueueStats(depth: 2, oldestSubmittedAt: Self.t0))
        let first = try #require(try await Self.claim(store, "w1", at: 10))
        #expect(first.referenceID == "ref-001")
        #expect(try await store.queueStats() == QueueStats(depth: 1, oldestSubmittedAt: later.submittedAt))
        #expect(try await store.queueStats().oldestAge(at: Self.t0.addingTimeInterval(65)) == 60)
        // A job given back for a retry waits in the queue again, dated by its submission.
        #expect(try await store.release(jobID: first.id, worker: "w1", attempt: 1, retryAt: Self.t0 + 20))
        #expect(try await store.queueStats() == QueueStats(depth: 2, oldestSubmittedAt: Self.t0))
        _ = try #require(try await Self.claim(store, "w1", at: 30))
        _ = try #require(try await Self.claim(store, "w2", at: 30))
        #expect(try await store.queueStats() == QueueStats(depth: 0, oldestSubmittedAt: nil))
    }

    @Test(arguments: StoreKind.allCases)
    func concurrentClaimsNeverShareAJob(kind: StoreKind) async throws {
        let open = try await kind.seeded()
        defer { withExtendedLifetime(open) {} }
        let store = open.store
        for i in 0..<20 { _ = try await store.enqueue(Self.job(String(format: "ref-%03d", i))) }
        let claimed = try await withThrowingTaskGroup(of: [Int64].self) { group in
            for worker in 0..<8 {
                group.addTask {
                    var ids: [Int64] = []
                    while let job = try await Self.claim(store, "w\(worker)") { ids.append(job.id) }
                    return ids
                }
            }
            return try await group.reduce(into: [Int64]()) { $0 += $1 }
        }
        #expect(claimed.count == 20)
        #expect(Set(claimed).count == 20)
    }

    @Test(arguments: StoreKind.allCases)
    func eachLaneClaimsOnlyItsOwnJobsOldestFirst(kind: StoreKind) async throws {
        let open = try await kind.seeded()
        defer { withExtendedLifetime(open) {} }
        let store = open.store
        _ = try await store.enqueue(
            NewJob(
                applicationID: "app-live", referenceID: "box-001", options: JobOptions(), sandboxImage: "KTP",
                submittedAt: Self.t0))
        _ = try await store.enqueue(Self.job("photo-001"))
        let photo = try #require(try await Self.claim(store, "w1"))
        #expect(photo.referenceID == "photo-001", "the older sandbox job is not the photos' lane's")
        #expect(try await Self.claim(store, "w1") == nil)
        _ = try await store.enqueue(Self.job("photo-002"))
        let sandbox = try #require(try await store.claim(worker: "s", lane: .sandbox, lease: Self.lease, now: Self.t0))
        #expect(sandbox.referenceID == "box-001" && sandbox.sandboxImage == "KTP")
        #expect(
            try await store.claim(worker: "s", lane: .sandbox, lease: Self.lease, now: Self.t0) == nil,
            "the queued photo is not the sandbox lane's")
    }

    @Test(arguments: StoreKind.allCases)
    func aJobIsCompletedOnceAndOnlyByItsLeaseHolder(kind: StoreKind) async throws {
        let open = try await kind.seeded()
        defer { withExtendedLifetime(open) {} }
        let store = open.store
        _ = try await store.enqueue(Self.job("ref-001"))
        let job = try #require(try await Self.claim(store, "w1"))
        let body = Self.body("ref-001")
        #expect(
            !(try await store.complete(
                jobID: job.id, worker: "w2", attempt: job.attempt, result: body, at: Self.t0, retainImage: false)))
        #expect(
            try await store.complete(
                jobID: job.id, worker: "w1", attempt: job.attempt, result: body, at: Self.t0, retainImage: false))
        #expect(
            !(try await store.complete(
                jobID: job.id, worker: "w1", attempt: job.attempt, result: body, at: Self.t0, retainImage: false)))
        let done = try #require(try await store.job(applicationID: "app-live", referenceID: "ref-001"))
        #expect(done.state == .done)
        #expect(done.result == body)
        #expect(done.completedAt == Self.t0)
        #expect(done.image == nil, "the image is deleted once the result is stored")
    }

    @Test(arguments: StoreKind.allCases)
    func retainedImagesStayUntilPurged(kind: StoreKind) async throws {
        let open = try await kind.seeded()
        defer { withExtendedLifetime(open) {} }
        let store = open.store
        _ = try await store.enqueue(Self.job("ref-001"))
        let job = try #require(try await Self.claim(store, "w1"))
        _ = try await store.complete(
            jobID: job.id, worker: "w1", attempt: job.attempt, result: Self.body("ref-001"), at: Self.t0,
            retainImage: true)
        #expect(try await store.job(applicationID: "app-live", referenceID: "ref-001")?.image == [1, 2, 3])
        #expect(try await store.purge(imagesBefore: Self.t0.addingTimeInterval(1), resultsBefore: nil) == 1)
        #expect(try await store.job(applicationID: "app-live", referenceID: "ref-001")?.image == nil)
        #expect(try await store.purge(imagesBefore: nil, resultsBefore: Self.t0.addingTimeInterval(1)) == 1)
        #expect(try await store.job(applicationID: "app-live", referenceID: "ref-001") == nil)
    }

    @Test(arguments: StoreKind.allCases)
    func anExpiredLeaseIsRescuedAndTheOldHolderCannotComplete(kind: StoreKind) async throws {
        let open = try await kind.seeded()
        defer { withExtendedLifetime(open) {} }
        let store = open.store
        _ = try await store.enqueue(Self.job("ref-001"))
        let job = try #require(try await Self.claim(store, "w1"))
        #expect(try await store.rescueExpired(now: Self.t0.addingTimeInterval(10)) == 0)
        #expect(try await store.rescueExpired(now: Self.t0.addingTimeInterval(31)) == 1)
        let again = try #require(try await Self.claim(store, "w2", at: 31))
        #expect(again.id == job.id && again.attempt == 2)
        let body = Self.body("ref-001")
        #expect(
            !(try await store.complete(
                jobID: job.id, worker: "w1", attempt: job.attempt, result: body, at: Self.t0, retainImage: false)))
        #expect(
            try await store.complete(
                jobID: job.id, worker: "w2", attempt: again.attempt, result: body, at: Self.t0, retainImage: false))
    }

    /// A worker of the same name (another process with the same pid, or the same worker after a
    /// stall) holds the new attempt; the stale one is fenced off by its attempt number alone.
    @Test(arguments: StoreKind.allCases)
    func aStaleWorkerCannotCompleteAReclaimedJob(kind: StoreKind) async throws {
        let open = try await kind.seeded()
        defer { withExtendedLifetime(open) {} }
        let store = open.store
        _ = try await store.enqueue(Self.job("ref-001"))
        let stale = try #require(try await Self.claim(store, "w1"))
        #expect(try await store.rescueExpired(now: Self.t0.addingTimeInterval(31)) == 1)
        let current = try #require(try await Self.claim(store, "w1", at: 31))
        #expect(current.attempt == stale.attempt + 1)
        let late = Self.t0.addingTimeInterval(32)
        #expect(
            !(try await store.extendLease(jobID: stale.id, worker: "w1", attempt: stale.attempt, until: late + 60)))
        #expect(!(try await store.release(jobID: stale.id, worker: "w1", attempt: stale.attempt, retryAt: late)))
        #expect(
            !(try await store.complete(
                jobID: stale.id, worker: "w1", attempt: stale.attempt, result: Self.body("ref-001"), at: late,
                retainImage: false)))
        #expect(try await store.job(applicationID: "app-live", referenceID: "ref-001")?.state == .running)
        #expect(
            try await store.complete(
                jobID: current.id, worker: "w1", attempt: current.attempt, result: Self.body("ref-001"), at: late,
                retainImage: false))
    }

    @Test(arguments: StoreKind.allCases)
    func aReleasedJobWaitsForItsRetryTime(kind: StoreKind) async throws {
        let open = try await kind.seeded()
        defer { withExtendedLifetime(open) {} }
        let store = open.store
        _ = try await store.enqueue(Self.job("ref-001"))
        let job = try #require(try await Self.claim(store, "w1"))
        #expect(
            try await store.release(
                jobID: job.id, worker: "w1", attempt: job.attempt, retryAt: Self.t0.addingTimeInterval(4)))
        #expect(try await Self.claim(store, "w1", at: 3) == nil)
        #expect(try await Self.claim(store, "w1", at: 4)?.id == job.id)
    }

    @Test(arguments: StoreKind.allCases)
    func aRenewedLeaseIsNotRescuedAndALostOneCannotBeRenewed(kind: StoreKind) async throws {
        let open = try await kind.seeded()
        defer { withExtendedLifetime(open) {} }
        let store = open.store
        let t0 = Self.t0
        _ = try await store.enqueue(Self.job("ref-001"))
        let job = try #require(try await Self.claim(store, "w1"))
        #expect(try await store.extendLease(jobID: job.id, worker: "w1", attempt: job.attempt, until: t0 + 60))
        #expect(try await store.rescueExpired(now: t0.addingTimeInterval(45)) == 0)
        #expect(!(try await store.extendLease(jobID: job.id, worker: "w2", attempt: job.attempt, until: t0 + 90)))
        #expect(try await store.rescueExpired(now: t0.addingTimeInterval(61)) == 1)
        #expect(!(try await store.extendLease(jobID: job.id, worker: "w1", attempt: job.attempt, until: t0 + 90)))
    }

    @Test(arguments: StoreKind.allCases)
    func keysAreStoredHashedAndComparedWhole(kind: StoreKind) async throws {
        let open = try await kind.seeded()
        defer { withExtendedLifetime(open) {} }
        let store = open.store
        let app = try #require(try await store.application(id: "app-live"))
        #expect(app.keyHash != Array("k1".utf8))
        #expect(app.keyHash.count == 32)
        #expect(app.accepts(key: "k1"))
        #expect(!app.accepts(key: "k2"))
        #expect(try await store.applications().map(\.id) == ["app-live", "app-other"])
        #expect(try await store.removeApplication(id: "app-live"))
        #expect(!(try await store.removeApplication(id: "app-live")))
        #expect(try await store.application(id: "app-live") == nil)
    }

    @Test(arguments: StoreKind.allCases)
    func aStoredResultQueuesItsCallbackAndOneDelivererClaimsIt(kind: StoreKind) async throws {
        let open = try await kind.seeded()
        defer { withExtendedLifetime(open) {} }
        let store = open.store
        let url = try #require(URL(string: "https://example.test/hook"))
        _ = try await store.enqueue(
            NewJob(
                applicationID: "app-live", referenceID: "ref-001", options: JobOptions(callbackURL: url),
                image: [1], submittedAt: Self.t0))
        let job = try #require(try await Self.claim(store, "w1"))
        #expect(try await store.claimCallback(worker: "d1", lease: Self.lease, now: Self.t0) == nil)
        _ = try await store.complete(
            jobID: job.id, worker: "w1", attempt: job.attempt, result: Self.body("ref-001"), at: Self.t0,
            retainImage: false)
        let delivery = try #require(try await store.claimCallback(worker: "d1", lease: Self.lease, now: Self.t0))
        #expect(delivery.referenceID == "ref-001" && delivery.url == url && delivery.previousAttempts == 0)
        #expect(try await store.claimCallback(worker: "d2", lease: Self.lease, now: Self.t0) == nil)
        let failed = CallbackAttempt(at: Self.t0, httpStatus: 503, latencyMilliseconds: 12, error: nil)
        try await store.recordAttempt(jobID: job.id, worker: "d1", attempt: failed, retryAt: Self.t0 + 10)
        #expect(try await store.claimCallback(worker: "d2", lease: Self.lease, now: Self.t0 + 5) == nil)
        let again = try #require(try await store.claimCallback(worker: "d2", lease: Self.lease, now: Self.t0 + 10))
        #expect(again.previousAttempts == 1)
        try await store.postponeCallback(jobID: job.id, worker: "d2", until: Self.t0 + 20)
        #expect(try await store.claimCallback(worker: "d2", lease: Self.lease, now: Self.t0 + 15) == nil)
        _ = try #require(try await store.claimCallback(worker: "d2", lease: Self.lease, now: Self.t0 + 20))
        let delivered = CallbackAttempt(at: Self.t0 + 20, httpStatus: 200, latencyMilliseconds: 8, error: nil)
        try await store.recordAttempt(jobID: job.id, worker: "d2", attempt: delivered, retryAt: nil)
        let record = try #require(try await store.callbacks(applicationID: "app-live", referenceID: "ref-001"))
        #expect(record.state == .delivered)
        #expect(record.attempts == [failed, delivered])
        #expect(try await store.claimCallback(worker: "d3", lease: Self.lease, now: Self.t0 + 100) == nil)
    }

    @Test(arguments: StoreKind.allCases)
    func concurrentDeliverersNeverTakeTheSameCallback(kind: StoreKind) async throws {
        let open = try await kind.seeded()
        defer { withExtendedLifetime(open) {} }
        let store = open.store
        let url = try #require(URL(string: "https://example.test/hook"))
        for i in 0..<5 {
            let ref = String(format: "cb-%03d", i)
            _ = try await store.enqueue(
                NewJob(
                    applicationID: "app-live", referenceID: ref, options: JobOptions(callbackURL: url), image: [1],
                    submittedAt: Self.t0))
            let job = try #require(try await Self.claim(store, "w1"))
            _ = try await store.complete(
                jobID: job.id, worker: "w1", attempt: job.attempt, result: Self.body(ref), at: Self.t0,
                retainImage: false)
        }
        let claimed = try await withThrowingTaskGroup(of: [Int64].self) { group in
            for deliverer in 0..<8 {
                group.addTask {
                    var ids: [Int64] = []
                    while let delivery = try await store.claimCallback(
                        worker: "d\(deliverer)", lease: Self.lease, now: Self.t0)
                    {
                        ids.append(delivery.jobID)
                    }
                    return ids
                }
            }
            return try await group.reduce(into: [Int64]()) { $0 += $1 }
        }
        #expect(claimed.count == 5)
        #expect(Set(claimed).count == 5)
    }
}

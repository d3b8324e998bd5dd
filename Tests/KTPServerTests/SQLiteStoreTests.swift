import Foundation
import GRDB
import KTPContract
import Testing
@testable import KTPServer

/// A fresh SQLite file in its own temporary folder, removed with the value.
final class TemporaryStore: Sendable {
    let directory: URL
    let store: SQLiteStore

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ktp-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try SQLiteStore(path: directory.appendingPathComponent("ktp.sqlite").path)
    }

    var path: String { directory.appendingPathComponent("ktp.sqlite").path }

    deinit { try? FileManager.default.removeItem(at: directory) }
}

@Suite struct SQLiteStoreTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    static func job(_ ref: String, app: String = "app-live", image: [UInt8]? = [1, 2, 3]) -> NewJob {
        NewJob(applicationID: app, referenceID: ref, options: JobOptions(), image: image, submittedAt: t0)
    }

    static func seeded() async throws -> TemporaryStore {
        let temporary = try TemporaryStore()
        try await temporary.store.save(ClientApp(id: "app-live", key: "k1", mode: .live))
        try await temporary.store.save(ClientApp(id: "app-other", key: "k2", mode: .live))
        return temporary
    }

    @Test func aReferenceIDIsUniquePerApplicationOnly() async throws {
        let temporary = try await Self.seeded()
        let store = temporary.store
        _ = try await store.enqueue(Self.job("ref-001"))
        await #expect(throws: StoreError(.referenceIDExists, "ref-001")) {
            try await store.enqueue(Self.job("ref-001"))
        }
        _ = try await store.enqueue(Self.job("ref-001", app: "app-other"))
        #expect(try await store.exists(applicationID: "app-live", referenceID: "ref-001"))
        #expect(try await store.job(applicationID: "app-other", referenceID: "ref-001")?.applicationID == "app-other")
        #expect(try await store.job(applicationID: "app-live", referenceID: "nope-00") == nil)
    }

    @Test func fiftyConcurrentSubmitsAgainstAQuotaOfTenAcceptExactlyTen() async throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
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

    @Test func aRefusedSubmitSpendsNoQuota() async throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        try await store.save(ClientApp(id: "app-test", key: "k", mode: .testing(quota: 2)))
        _ = try await store.enqueue(Self.job("ref-001", app: "app-test"))
        await #expect(throws: StoreError.self) { try await store.enqueue(Self.job("ref-001", app: "app-test")) }
        #expect(try await store.application(id: "app-test")?.mode == .testing(quota: 2, used: 1))
    }

    @Test func usedQuotaStaysUsedWhenTheSameApplicationIsSavedAgainAfterAReopen() async throws {
        let temporary = try TemporaryStore()
        let app = ClientApp(id: "app-test", key: "k", mode: .testing(quota: 2))
        try await temporary.store.save(app)
        _ = try await temporary.store.enqueue(Self.job("ref-001", app: "app-test"))
        _ = try await temporary.store.enqueue(Self.job("ref-002", app: "app-test"))
        // What `ktp serve --app app-test:k:testing:2` does when it starts again on the same file.
        let reopened = try SQLiteStore(path: temporary.path)
        try await reopened.save(app)
        #expect(try await reopened.application(id: "app-test")?.mode == .testing(quota: 2, used: 2))
        await #expect(throws: StoreError(.quotaSpent, "app-test")) {
            try await reopened.enqueue(Self.job("ref-003", app: "app-test"))
        }
        // A larger quota adds only the difference.
        try await reopened.save(ClientApp(id: "app-test", key: "k", mode: .testing(quota: 3)))
        _ = try await reopened.enqueue(Self.job("ref-003", app: "app-test"))
        #expect(try await reopened.application(id: "app-test")?.mode.quotaRemaining == 0)
    }

    @Test func aVersion3DatabaseKeepsWhatWasLeftAsItsQuota() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ktp-v3-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("ktp.sqlite").path
        let old = try DatabaseQueue(path: path)
        try SQLiteStore.migrator.migrate(old, upTo: "v3: images in files")
        try await old.write { db in
            try db.execute(
                sql: """
                    INSERT INTO application (id, key_hash, mode, quota_remaining)
                    VALUES ('app-test', x'00', 'testing', 3)
                    """)
        }
        try old.close()
        let store = try SQLiteStore(path: path)
        #expect(try await store.application(id: "app-test")?.mode == .testing(quota: 3, used: 0))
    }

    @Test func claimsLeaseTheOldestJobToOneWorkerAtATime() async throws {
        let temporary = try await Self.seeded()
        let store = temporary.store
        _ = try await store.enqueue(Self.job("ref-001"))
        _ = try await store.enqueue(Self.job("ref-002"))
        let first = try #require(
            try await store.claim(worker: "w1", lane: .extraction, lease: .seconds(30), now: Self.t0))
        let second = try #require(
            try await store.claim(worker: "w2", lane: .extraction, lease: .seconds(30), now: Self.t0))
        #expect(first.referenceID == "ref-001")
        #expect(second.referenceID == "ref-002")
        #expect(first.state == .running && first.attempt == 1 && first.leaseOwner == "w1")
        #expect(try await store.claim(worker: "w3", lane: .extraction, lease: .seconds(30), now: Self.t0) == nil)
    }

    @Test func eachLaneClaimsOnlyItsOwnJobsOldestFirst() async throws {
        let temporary = try await Self.seeded()
        let store = temporary.store
        let lease = Duration.seconds(30)
        _ = try await store.enqueue(
            NewJob(
                applicationID: "app-live", referenceID: "box-001", options: JobOptions(), sandboxImage: "KTP",
                submittedAt: Self.t0))
        _ = try await store.enqueue(Self.job("photo-001"))
        let photo = try #require(try await store.claim(worker: "w1", lane: .extraction, lease: lease, now: Self.t0))
        #expect(photo.referenceID == "photo-001", "the older sandbox job is not the photos' lane's")
        #expect(try await store.claim(worker: "w1", lane: .extraction, lease: lease, now: Self.t0) == nil)
        _ = try await store.enqueue(Self.job("photo-002"))
        let sandbox = try #require(try await store.claim(worker: "s", lane: .sandbox, lease: lease, now: Self.t0))
        #expect(sandbox.referenceID == "box-001" && sandbox.sandboxImage == "KTP")
        #expect(
            try await store.claim(worker: "s", lane: .sandbox, lease: lease, now: Self.t0) == nil,
            "the queued photo is not the sandbox lane's")
    }

    @Test func theSandboxLaneFindsItsJobsByItsOwnIndexNotAmongThePhotos() async throws {
        let temporary = try await Self.seeded()
        let plan = try await temporary.store.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + SQLiteStore.nextRunnable(.sandbox), arguments: [0])
                .map { $0["detail"] as String }.joined(separator: "\n")
        }
        #expect(plan.contains("job_runnable_sandbox"), "plan: \(plan)")
    }

    @Test func aJobIsCompletedOnceAndOnlyByItsLeaseHolder() async throws {
        let temporary = try await Self.seeded()
        let store = temporary.store
        _ = try await store.enqueue(Self.job("ref-001"))
        let job = try #require(
            try await store.claim(worker: "w1", lane: .extraction, lease: .seconds(30), now: Self.t0))
        let body = ResultBody(data: ExtractionResult(referenceID: "ref-001", status: .success, submittedAt: Self.t0))
        #expect(!(try await store.complete(jobID: job.id, worker: "w2", result: body, at: Self.t0, retainImage: false)))
        #expect(try await store.complete(jobID: job.id, worker: "w1", result: body, at: Self.t0, retainImage: false))
        #expect(!(try await store.complete(jobID: job.id, worker: "w1", result: body, at: Self.t0, retainImage: false)))
        let done = try #require(try await store.job(applicationID: "app-live", referenceID: "ref-001"))
        #expect(done.state == .done)
        #expect(done.result == body)
        #expect(done.image == nil, "the image is deleted once the result is stored")
    }

    @Test func retainedImagesStayUntilPurged() async throws {
        let temporary = try await Self.seeded()
        let store = temporary.store
        _ = try await store.enqueue(Self.job("ref-001"))
        let job = try #require(
            try await store.claim(worker: "w1", lane: .extraction, lease: .seconds(30), now: Self.t0))
        let body = ResultBody(data: ExtractionResult(referenceID: "ref-001", status: .success, submittedAt: Self.t0))
        _ = try await store.complete(jobID: job.id, worker: "w1", result: body, at: Self.t0, retainImage: true)
        #expect(try await store.job(applicationID: "app-live", referenceID: "ref-001")?.image == [1, 2, 3])
        #expect(try await store.purge(imagesBefore: Self.t0.addingTimeInterval(1), resultsBefore: nil) == 1)
        #expect(try await store.job(applicationID: "app-live", referenceID: "ref-001")?.image == nil)
        #expect(try await store.purge(imagesBefore: nil, resultsBefore: Self.t0.addingTimeInterval(1)) == 1)
        #expect(try await store.job(applicationID: "app-live", referenceID: "ref-001") == nil)
    }

    @Test func anExpiredLeaseIsRescuedAndTheOldHolderCannotComplete() async throws {
        let temporary = try await Self.seeded()
        let store = temporary.store
        _ = try await store.enqueue(Self.job("ref-001"))
        let job = try #require(
            try await store.claim(worker: "w1", lane: .extraction, lease: .seconds(30), now: Self.t0))
        #expect(try await store.rescueExpired(now: Self.t0.addingTimeInterval(10)) == 0)
        #expect(try await store.rescueExpired(now: Self.t0.addingTimeInterval(31)) == 1)
        let again = try #require(
            try await store.claim(
                worker: "w2", lane: .extraction, lease: .seconds(30), now: Self.t0.addingTimeInterval(31)))
        #expect(again.id == job.id && again.attempt == 2)
        let body = ResultBody(data: ExtractionResult(referenceID: "ref-001", status: .success, submittedAt: Self.t0))
        #expect(!(try await store.complete(jobID: job.id, worker: "w1", result: body, at: Self.t0, retainImage: false)))
        #expect(try await store.complete(jobID: job.id, worker: "w2", result: body, at: Self.t0, retainImage: false))
    }

    @Test func aReleasedJobWaitsForItsRetryTime() async throws {
        let temporary = try await Self.seeded()
        let store = temporary.store
        _ = try await store.enqueue(Self.job("ref-001"))
        let job = try #require(
            try await store.claim(worker: "w1", lane: .extraction, lease: .seconds(30), now: Self.t0))
        #expect(try await store.release(jobID: job.id, worker: "w1", retryAt: Self.t0.addingTimeInterval(4)))
        #expect(
            try await store.claim(
                worker: "w1", lane: .extraction, lease: .seconds(30), now: Self.t0.addingTimeInterval(3)) == nil)
        #expect(
            try await store.claim(
                worker: "w1", lane: .extraction, lease: .seconds(30), now: Self.t0.addingTimeInterval(4))?.id == job.id)
    }

    @Test func aReopenedDatabaseKeepsItsJobsAndApplications() async throws {
        let temporary = try await Self.seeded()
        _ = try await temporary.store.enqueue(Self.job("ref-001"))
        let reopened = try SQLiteStore(path: temporary.path)
        #expect(try await reopened.job(applicationID: "app-live", referenceID: "ref-001")?.state == .queued)
        #expect(try await reopened.applications().map(\.id) == ["app-live", "app-other"])
        #expect(try await reopened.countsByState() == [.queued: 1, .running: 0, .done: 0])
    }

    @Test func keysAreStoredHashedAndComparedWhole() async throws {
        let temporary = try await Self.seeded()
        let app = try #require(try await temporary.store.application(id: "app-live"))
        #expect(app.keyHash != Array("k1".utf8))
        #expect(app.keyHash.count == 32)
        #expect(app.accepts(key: "k1"))
        #expect(!app.accepts(key: "k2"))
        #expect(!app.accepts(key: ""))
        #expect(try await temporary.store.removeApplication(id: "app-live"))
        #expect(try await temporary.store.application(id: "app-live") == nil)
    }
}

@Suite struct LeaseRenewalTests {
    @Test func aRenewedLeaseIsNotRescuedAndALostOneCannotBeRenewed() async throws {
        let temporary = try await SQLiteStoreTests.seeded()
        let store = temporary.store
        let t0 = SQLiteStoreTests.t0
        _ = try await store.enqueue(SQLiteStoreTests.job("ref-001"))
        let job = try #require(try await store.claim(worker: "w1", lane: .extraction, lease: .seconds(30), now: t0))
        #expect(try await store.extendLease(jobID: job.id, worker: "w1", until: t0.addingTimeInterval(60)))
        #expect(try await store.rescueExpired(now: t0.addingTimeInterval(45)) == 0)
        #expect(!(try await store.extendLease(jobID: job.id, worker: "w2", until: t0.addingTimeInterval(90))))
        #expect(try await store.rescueExpired(now: t0.addingTimeInterval(61)) == 1)
        #expect(!(try await store.extendLease(jobID: job.id, worker: "w1", until: t0.addingTimeInterval(90))))
    }
}

@Suite struct ImageFilesTests {
    static func files(_ temporary: TemporaryStore) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: temporary.path + "-images")
    }

    @Test func aPhotoLivesInAFileBesideTheDatabaseUntilItsResultIsStored() async throws {
        let temporary = try await SQLiteStoreTests.seeded()
        let store = temporary.store
        _ = try await store.enqueue(SQLiteStoreTests.job("ref-001", image: [7, 8, 9]))
        #expect(try Self.files(temporary).count == 1)
        let blob = try await store.pool.read { db in
            try Data.fetchOne(db, sql: "SELECT image FROM job WHERE reference_id = 'ref-001'")
        }
        #expect(blob == nil, "the bytes are not in the database")
        let job = try #require(
            try await store.claim(worker: "w1", lane: .extraction, lease: .seconds(30), now: SQLiteStoreTests.t0))
        #expect(job.image == [7, 8, 9])
        let body = ResultBody(
            data: ExtractionResult(referenceID: "ref-001", status: .success, submittedAt: SQLiteStoreTests.t0))
        _ = try await store.complete(
            jobID: job.id, worker: "w1", result: body, at: SQLiteStoreTests.t0, retainImage: false)
        #expect(try Self.files(temporary).isEmpty)
    }

    @Test func aRefusedSubmitLeavesNoFile() async throws {
        let temporary = try await SQLiteStoreTests.seeded()
        _ = try await temporary.store.enqueue(SQLiteStoreTests.job("ref-001"))
        await #expect(throws: StoreError(.referenceIDExists, "ref-001")) {
            try await temporary.store.enqueue(SQLiteStoreTests.job("ref-001"))
        }
        #expect(try Self.files(temporary).count == 1)
    }

    @Test func orphanFilesAreRemovedOnlyWhenOld() async throws {
        let temporary = try await SQLiteStoreTests.seeded()
        _ = try await temporary.store.enqueue(SQLiteStoreTests.job("ref-001"))
        let directory = URL(fileURLWithPath: temporary.path + "-images")
        let old = directory.appendingPathComponent("left-by-a-crash")
        let young = directory.appendingPathComponent("being-submitted")
        try Data([1]).write(to: old)
        try Data([2]).write(to: young)
        try FileManager.default.setAttributes(
            [.modificationDate: Date().addingTimeInterval(-3600)], ofItemAtPath: old.path)
        #expect(try await temporary.store.removeOrphanImages(olderThan: 600) == 1)
        let left = try Self.files(temporary)
        #expect(left.count == 2 && left.contains("being-submitted") && !left.contains("left-by-a-crash"))
        #expect(try await temporary.store.job(applicationID: "app-live", referenceID: "ref-001")?.image == [1, 2, 3])
    }
}

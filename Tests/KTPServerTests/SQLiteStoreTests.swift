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

    @Test func theSandboxLaneFindsItsJobsByItsOwnIndexNotAmongThePhotos() async throws {
        let temporary = try await Self.seeded()
        let plan = try await temporary.store.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + SQLiteStore.nextRunnable(.sandbox), arguments: [0])
                .map { $0["detail"] as String }.joined(separator: "\n")
        }
        #expect(plan.contains("job_runnable_sandbox"), "plan: \(plan)")
    }

    @Test func aReopenedDatabaseKeepsItsJobsAndApplications() async throws {
        let temporary = try await Self.seeded()
        _ = try await temporary.store.enqueue(Self.job("ref-001"))
        let reopened = try SQLiteStore(path: temporary.path)
        #expect(try await reopened.job(applicationID: "app-live", referenceID: "ref-001")?.state == .queued)
        #expect(try await reopened.applications().map(\.id) == ["app-live", "app-other"])
        #expect(try await reopened.countsByState() == [.queued: 1, .running: 0, .done: 0])
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
            jobID: job.id, worker: "w1", attempt: job.attempt, result: body, at: SQLiteStoreTests.t0,
            retainImage: false)
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

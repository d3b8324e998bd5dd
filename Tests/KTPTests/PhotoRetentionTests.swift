import Foundation
import GRDB
import Testing
@testable import KTP

/// The ledger's kept photos against a real SQLite file and folder, with the time passed in: kept while pending,
/// gone at once after a success, kept for the retention after a failure, and purged on schedule.
@Suite struct PhotoRetentionTests {
    typealias Temporary = LedgerTests.Temporary

    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let day: TimeInterval = 86_400

    static func result(_ reference: String, failed: Bool) -> ResultBody {
        failed
            ? ResultBody(
                errorCode: .ktpNotDetected,
                data: ExtractionResult(referenceID: reference, status: .failed, submittedAt: now, completedAt: now))
            : LedgerTests.success(reference)
    }

    /// Ends submission `entry` as the poller would, at `at`.
    static func end(_ entry: Submission, failed: Bool, in ledger: Ledger, at date: Date = now) async throws {
        try await ledger.recordPoll(
            entry.id, outcome: .success(result(entry.referenceID, failed: failed)), nextPollAt: date, now: date)
    }

    static func mode(_ path: String) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    }

    static func file(_ ledger: Ledger, _ entry: Submission) throws -> String {
        ledger.photos.path + "/" + (try #require(entry.photoSHA256))
    }

    @Test func aPendingPhotoIsKeptInAPrivateFileAndASuccessfulOneGoesAtOnce() async throws {
        let temporary = Temporary()
        defer { temporary.remove() }
        let ledger = try temporary.open()
        let entry = try await ledger.insert(LedgerTests.new("keep-00001", photo: [9, 8, 7]), now: Self.now)
        let file = try Self.file(ledger, entry)
        #expect(try Self.mode(ledger.photos.path) == 0o700)
        #expect(try Self.mode(file) == 0o600)
        let sha = try #require(entry.photoSHA256)
        let later = Self.now.addingTimeInterval(30 * Self.day)
        #expect(try await ledger.purgePhotos(now: later) == 0, "a pending submission keeps its photo however long")
        #expect(try await ledger.photo(sha256: sha, now: later) == [9, 8, 7])
        try await Self.end(entry, failed: false, in: ledger)
        #expect(!FileManager.default.fileExists(atPath: file), "deleted with the success, not at the next purge")
        #expect(try await ledger.photo(sha256: sha, now: Self.now) == nil)
    }

    @Test func aFailedPhotoIsKeptForItsRetentionThenPurged() async throws {
        let temporary = Temporary()
        defer { temporary.remove() }
        let ledger = try temporary.open()
        let entry = try await ledger.insert(LedgerTests.new("fail-00001", photo: [1, 2]), now: Self.now)
        try await Self.end(entry, failed: true, in: ledger)
        let sha = try #require(entry.photoSHA256)
        let justBefore = Self.now.addingTimeInterval(7 * Self.day - 1)
        #expect(try await ledger.photo(sha256: sha, now: justBefore) == [1, 2], "seven days by default")
        #expect(try await ledger.purgePhotos(now: justBefore) == 0)
        let after = Self.now.addingTimeInterval(7 * Self.day + 1)
        #expect(try await ledger.photo(sha256: sha, now: after) == nil, "past its time even before the purge")
        #expect(try await ledger.purgePhotos(now: after) == 1)
        #expect(!FileManager.default.fileExists(atPath: try Self.file(ledger, entry)))
    }

    @Test func aSuccessIsKeptWhenAskedAndNoRetentionKeepsNothing() async throws {
        let temporary = Temporary()
        defer { temporary.remove() }
        let ledger = try temporary.open()
        let asked = PhotoRetention(failed: .seconds(60), succeeded: .seconds(3600))
        let kept = try await ledger.insert(LedgerTests.new("ask-00001", photo: [3], retention: asked), now: Self.now)
        try await Self.end(kept, failed: false, in: ledger)
        #expect(try await ledger.photo(sha256: "sha-ask-00001", now: Self.now.addingTimeInterval(3599)) == [3])
        #expect(try await ledger.purgePhotos(now: Self.now.addingTimeInterval(3601)) == 1)
        let none = try await ledger.insert(LedgerTests.new("none-0001", photo: [4], retention: .none), now: Self.now)
        #expect(!FileManager.default.fileExists(atPath: try Self.file(ledger, none)))
        #expect(try await ledger.photo(sha256: "sha-none-0001", now: Self.now) == nil)
    }

    @Test func aPhotoTwoSubmissionsShareStaysWhileEitherKeepsIt() async throws {
        let temporary = Temporary()
        defer { temporary.remove() }
        let ledger = try temporary.open()
        let shared = { (reference: String) in
            NewSubmission(
                api: "http://api.test", appID: "app", referenceID: reference, options: SubmitOptions(),
                photoSHA256: "sha-shared", keptPhoto: [5, 5])
        }
        let first = try await ledger.insert(shared("share-0001"), now: Self.now)
        let second = try await ledger.insert(shared("share-0002"), now: Self.now)
        try await Self.end(first, failed: false, in: ledger)
        #expect(try await ledger.photo(sha256: "sha-shared", now: Self.now) == [5, 5], "the second is pending")
        try await Self.end(second, failed: true, in: ledger)
        #expect(try await ledger.purgePhotos(now: Self.now.addingTimeInterval(Self.day)) == 0, "the failure keeps it")
        #expect(try await ledger.purgePhotos(now: Self.now.addingTimeInterval(8 * Self.day)) == 1)
    }

    @Test func photosKeptInsideAnOlderLedgerMoveToFilesAndKeepTheirExpiry() async throws {
        let temporary = Temporary()
        defer { temporary.remove() }
        try FileManager.default.createDirectory(
            at: URL(fileURLWithPath: temporary.path).deletingLastPathComponent(), withIntermediateDirectories: true)
        let photos = try PhotoFolder(path: PhotoFolder.path(forLedgerAt: temporary.path))
        let old = try DatabasePool(path: temporary.path)
        try Ledger.migrator(photos: photos).migrate(old, upTo: "v2: summary columns")
        let now = Self.now.timeIntervalSince1970
        try await old.write { db in
            try db.execute(
                sql: """
                    INSERT INTO submission (api, app_id, reference_id, options, state, photo_sha256, submitted_at,
                        updated_at, completed_at, revision)
                    VALUES ('http://api.test', 'app', 'old-0001', '{}', 'failed', 'abc123', ?, ?, ?, 1);
                    INSERT INTO photo (sha256, bytes, expires_at) VALUES ('abc123', x'0102', ?);
                    """,
                arguments: [now, now, now, now + 3600])
        }
        try old.close()
        let ledger = try temporary.open()
        #expect(try Self.mode(photos.path + "/abc123") == 0o600)
        #expect(try await ledger.photo(sha256: "abc123", now: Self.now.addingTimeInterval(3599)) == [1, 2])
        #expect(try await ledger.photo(sha256: "abc123", now: Self.now.addingTimeInterval(3601)) == nil)
        let table = try await ledger.pool.read { db in try db.tableExists("photo") }
        #expect(!table, "the bytes left the database")
    }
}

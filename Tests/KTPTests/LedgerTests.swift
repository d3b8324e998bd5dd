import Foundation
import GRDB
import Testing
@testable import KTP

/// The ledger on real SQLite files: migrations, the submission lifecycle, filters, revisions and retention.
@Suite struct LedgerTests {
    struct Temporary {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ktp-ledger-\(UUID().uuidString)")
        var path: String { directory.appendingPathComponent("nested/ledger.sqlite").path }
        func open() throws -> Ledger { try Ledger(path: path) }
        func remove() { try? FileManager.default.removeItem(at: directory) }
    }

    static func new(
        _ reference: String, api: String = "http://api.test", photo: [UInt8]? = nil,
        retention: PhotoRetention = PhotoRetention()
    ) -> NewSubmission {
        NewSubmission(
            api: api, appID: "app", referenceID: reference, options: SubmitOptions(referenceID: reference),
            photoSHA256: photo.map { _ in "sha-\(reference)" }, keptPhoto: photo, photoRetention: retention)
    }

    static func success(
        _ reference: String, nik: String = "3171011708900003", name: String = "BUDI SANTOSO"
    )
        -> ResultBody
    {
        ResultBody(
            data: ExtractionResult(
                referenceID: reference, status: .success, fields: KTPFields([.nik: nik, .fullName: name]),
                imageQuality: ImageQuality(blur: true), submittedAt: Date(), completedAt: Date()))
    }

    @Test func aNewFileIsMigratedAndReopeningKeepsItsRows() async throws {
        let temporary = Temporary()
        defer { temporary.remove() }
        let first = try temporary.open()
        _ = try await first.insert(Self.new("keep-001"))
        let reopened = try temporary.open()
        #expect(try await reopened.submissions().map(\.referenceID) == ["keep-001"])
        let applied = try await reopened.pool.read { db in
            try Ledger.migrator(photos: reopened.photos).appliedMigrations(db)
        }
        #expect(
            applied == [
                "v1: submissions, events and photos", "v2: summary columns", "v3: photos in files, kept by outcome",
            ])
        let journal = try await reopened.pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")
    }

    @Test func aVersionOneLedgerIsMigratedWithItsSummariesFilledIn() async throws {
        let temporary = Temporary()
        defer { temporary.remove() }
        try FileManager.default.createDirectory(
            at: URL(fileURLWithPath: temporary.path).deletingLastPathComponent(), withIntermediateDirectories: true)
        let old = try DatabasePool(path: temporary.path)
        let photos = try PhotoFolder(path: PhotoFolder.path(forLedgerAt: temporary.path))
        try Ledger.migrator(photos: photos).migrate(old, upTo: "v1: submissions, events and photos")
        let body = String(decoding: try ResultBody.makeEncoder().encode(Self.success("old-0001")), as: UTF8.self)
        try await old.write { db in
            try db.execute(
                sql: """
                    INSERT INTO submission (api, app_id, reference_id, options, state, result, nik, full_name,
                        submitted_at, updated_at, revision)
                    VALUES ('http://api.test', 'app', 'old-0001', '{}', 'complete', ?, '3171011708900003',
                        'BUDI SANTOSO', 0, 0, 1)
                    """,
                arguments: [body])
        }
        try old.close()
        let summary = try #require(try await temporary.open().summaries().first)
        #expect(summary.referenceID == "old-0001")
        #expect(summary.quality == ImageQuality(blur: true))
        #expect(summary.processingTime != nil)
        #expect(summary.nik == "3171011708900003")
    }

    @Test func summariesAgreeWithTheFullEntries() async throws {
        let temporary = Temporary()
        defer { temporary.remove() }
        let ledger = try temporary.open()
        _ = try await ledger.insert(Self.new("sum-00001"))
        try await ledger.recordCallback(Self.success("sum-00001"), api: "http://api.test", appID: "app")
        _ = try await ledger.insert(Self.new("sum-00002"))
        let full = try await ledger.submissions().map(\.summary)
        let summaries = try await ledger.summaries()
        #expect(summaries == full, "\(summaries) vs \(full)")
        #expect(try await ledger.summaries(matching: LedgerFilter(text: "budi")).map(\.referenceID) == ["sum-00001"])
    }

    @Test func aFileThatIsNotALedgerIsAClearError() throws {
        let temporary = Temporary()
        defer { temporary.remove() }
        try FileManager.default.createDirectory(
            at: URL(fileURLWithPath: temporary.path).deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("not sqlite at all".utf8).write(to: URL(fileURLWithPath: temporary.path))
        let thrown = #expect(throws: LedgerError.self) { _ = try temporary.open() }
        #expect(thrown?.code == .database)
        #expect(thrown?.message.contains(temporary.path) == true)
    }

    @Test func theSameReferenceForTheSameAppIsADuplicate() async throws {
        let temporary = Temporary()
        defer { temporary.remove() }
        let ledger = try temporary.open()
        _ = try await ledger.insert(Self.new("dup-0001"))
        let thrown = await #expect(throws: LedgerError.self) { _ = try await ledger.insert(Self.new("dup-0001")) }
        #expect(thrown?.code == .duplicate)
        _ = try await ledger.insert(Self.new("dup-0001", api: "https://api.verihubs.com"))
        #expect(try await ledger.submissions().count == 2)
    }

    @Test func aRefusedSubmitFailsWithItsCodeAndATransportFailureStaysPending() async throws {
        let temporary = Temporary()
        defer { temporary.remove() }
        let ledger = try temporary.open()
        let refused = try await ledger.insert(Self.new("refused-1"))
        try await ledger.recordSubmit(
            refused.id,
            outcome: .failure(KTPError(.contract(.invalidPayloadImageFormat), httpStatus: 400, message: "bad")))
        let lost = try await ledger.insert(Self.new("lost-0001"))
        try await ledger.recordSubmit(lost.id, outcome: .failure(KTPError(.timeout, message: "no answer")))
        let failed = try #require(try await ledger.submission(id: refused.id))
        #expect(failed.state == .failed)
        #expect(failed.errorCode == .invalidPayloadImageFormat)
        #expect(try await ledger.submission(id: lost.id)?.state == .pending)
        let kinds = try await ledger.events(submissionID: refused.id).map(\.kind)
        #expect(kinds == [.submitted, .statusChanged])
    }

    @Test func aPollThatFindsTheResultCompletesTheSubmissionOnce() async throws {
        let temporary = Temporary()
        defer { temporary.remove() }
        let ledger = try temporary.open()
        let entry = try await ledger.insert(Self.new("poll-0001"))
        let processing = ResultBody(data: ExtractionResult(referenceID: "poll-0001", status: .processing))
        try await ledger.recordPoll(entry.id, outcome: .success(processing), nextPollAt: Date())
        try await ledger.recordPoll(entry.id, outcome: .success(Self.success("poll-0001")), nextPollAt: Date())
        try await ledger.recordPoll(entry.id, outcome: .success(Self.success("poll-0001")), nextPollAt: Date())
        let done = try #require(try await ledger.submission(id: entry.id))
        #expect(done.state == .complete)
        #expect(done.pollCount == 2, "a finished submission is not polled again")
        #expect(done.nextPollAt == nil)
        #expect(done.quality?.blur == true)
        #expect(done.result?.data.fields?[.nik] == "3171011708900003")
        let events = try await ledger.events(submissionID: entry.id)
        #expect(events.map(\.kind) == [.polled, .polled, .statusChanged])
        #expect(events.last?.detail == "pending → complete")
    }

    @Test func notFoundOnAPollEndsTheSubmission() async throws {
        let temporary = Temporary()
        defer { temporary.remove() }
        let ledger = try temporary.open()
        let entry = try await ledger.insert(Self.new("gone-0001"))
        let missing = KTPError(.contract(.invalidPayloadReferenceIDNotFound), httpStatus: 404, message: "no such")
        try await ledger.recordPoll(entry.id, outcome: .failure(missing), nextPollAt: Date())
        #expect(try await ledger.submission(id: entry.id)?.errorCode == .invalidPayloadReferenceIDNotFound)
        let timeout = try await ledger.insert(Self.new("slow-0001"))
        try await ledger.recordPoll(
            timeout.id, outcome: .failure(KTPError(.timeout, message: "")), nextPollAt: Date().addingTimeInterval(5))
        let still = try #require(try await ledger.submission(id: timeout.id))
        #expect(still.state == .pending)
        #expect(still.nextPollAt.map { $0 > Date() } == true)
    }

    @Test func aRepeatedCallbackAddsNoEvent() async throws {
        let temporary = Temporary()
        defer { temporary.remove() }
        let ledger = try temporary.open()
        let entry = try await ledger.insert(Self.new("cb-000001"))
        #expect(try await ledger.recordCallback(Self.success("cb-000001"), api: "http://api.test", appID: "app"))
        #expect(try await ledger.recordCallback(Self.success("cb-000001"), api: "http://api.test", appID: "app"))
        #expect(!(try await ledger.recordCallback(Self.success("unknown-1"), api: "http://api.test", appID: "app")))
        #expect(!(try await ledger.recordCallback(Self.success("cb-000001"), api: "http://api.test", appID: "other")))
        let kinds = try await ledger.events(submissionID: entry.id).map(\.kind)
        #expect(kinds == [.callbackReceived, .statusChanged])
    }

    @Test func filtersMatchStateErrorCodeAndTextInNIKNameAndReference() async throws {
        let temporary = Temporary()
        defer { temporary.remove() }
        let ledger = try temporary.open()
        let complete = try await ledger.insert(Self.new("order-100"))
        try await ledger.recordCallback(Self.success("order-100"), api: "http://api.test", appID: "app")
        let failed = try await ledger.insert(Self.new("order-200"))
        try await ledger.recordSubmit(
            failed.id, outcome: .failure(KTPError(.contract(.invalidPayloadImageSize), httpStatus: 400, message: "")))
        _ = try await ledger.insert(Self.new("batch_300"))
        func references(_ filter: LedgerFilter) async throws -> Set<String> {
            Set(try await ledger.submissions(matching: filter).map(\.referenceID))
        }
        #expect(try await references(LedgerFilter(state: .complete)) == ["order-100"])
        #expect(try await references(LedgerFilter(state: .pending)) == ["batch_300"])
        #expect(try await references(LedgerFilter(errorCode: .invalidPayloadImageSize)) == ["order-200"])
        #expect(try await references(LedgerFilter(text: "0117089")) == ["order-100"], "a NIK substring")
        #expect(try await references(LedgerFilter(text: "budi")) == ["order-100"], "a name, any case")
        #expect(try await references(LedgerFilter(text: "ORDER")) == ["order-100", "order-200"])
        #expect(try await references(LedgerFilter(text: "h_3")) == ["batch_300"], "_ is literal, not a wildcard")
        #expect(try await references(LedgerFilter(text: "SIZE")) == ["order-200"], "an error code")
        #expect(try await ledger.submissions(matching: LedgerFilter(limit: 1)).map(\.id) == [complete.id + 2])
    }

    @Test func revisionsGrowWithEveryChangeAndChangesReturnOnlyNewerOnes() async throws {
        let temporary = Temporary()
        defer { temporary.remove() }
        let ledger = try temporary.open()
        let first = try await ledger.insert(Self.new("rev-00001"))
        let second = try await ledger.insert(Self.new("rev-00002"))
        let mark = try await ledger.latestRevision()
        #expect(second.revision > first.revision)
        try await ledger.recordReveal(first.id, by: "test")
        let changed = try await ledger.changes(after: mark)
        #expect(changed.map(\.referenceID) == ["rev-00001"])
        #expect(try await ledger.events(submissionID: first.id).map(\.kind) == [.piiRevealed])
        #expect(try await ledger.changes(after: try await ledger.latestRevision()).isEmpty)
    }

    @Test func duePollsAreClaimedOnceUntilTheLeasePasses() async throws {
        let temporary = Temporary()
        defer { temporary.remove() }
        let ledger = try temporary.open()
        let now = Date()
        for new in [Self.new("due-00001"), Self.new("due-00002", api: "http://elsewhere")] {
            let entry = try await ledger.insert(new, now: now.addingTimeInterval(-5))
            let accepted = Acceptance(referenceID: new.referenceID, status: .processing)
            try await ledger.recordSubmit(entry.id, outcome: .success(accepted), now: now.addingTimeInterval(-5))
        }
        _ = try await ledger.insert(Self.new("due-00003"), now: now.addingTimeInterval(-5))
        let claimed = try await ledger.claimDuePolls(
            api: "http://api.test", appID: "app", limit: 10, lease: .seconds(60), now: now)
        #expect(claimed.map(\.referenceID) == ["due-00001"], "due-00003 waits for its submit's answer")
        #expect(
            try await ledger.claimDuePolls(
                api: "http://api.test", appID: "app", limit: 10, lease: .seconds(60), now: now
            )
            .isEmpty)
        let later = try await ledger.claimDuePolls(
            api: "http://api.test", appID: "app", limit: 10, lease: .seconds(60), now: now.addingTimeInterval(61))
        #expect(
            Set(later.map(\.referenceID)) == ["due-00001", "due-00003"],
            "the lease ran out, and a submit whose answer was never recorded is polled after 30 s")
    }

    @Test func aCancelledTaskDoesNothingAndSaysItWasCancelled() async throws {
        let temporary = Temporary()
        defer { temporary.remove() }
        let ledger = try temporary.open()
        let (gate, _) = AsyncStream.makeStream(of: Void.self)
        let purging = Task {
            // Waits until cancelled: the purge then starts in a cancelled task, whatever the scheduling.
            for await _ in gate {}
            return try await ledger.purgePhotos()
        }
        purging.cancel()
        let thrown = await #expect(throws: LedgerError.self) { try await purging.value }
        #expect(thrown?.code == .cancelled, "not a database failure")
    }

    @Test func reprocessNumbersCountOnlyTheSameRoot() async throws {
        let temporary = Temporary()
        defer { temporary.remove() }
        let ledger = try temporary.open()
        for reference in ["root-01", "root-01-r1", "root-01-r2", "root-01-rx", "root-011-r9"] {
            _ = try await ledger.insert(Self.new(reference))
        }
        #expect(try await ledger.nextReprocessNumber(root: "root-01", api: "http://api.test", appID: "app") == 3)
        #expect(try await ledger.nextReprocessNumber(root: "fresh-1", api: "http://api.test", appID: "app") == 1)
    }

    @Test func theDefaultPathFollowsXDG() {
        #expect(Ledger.defaultPath(environment: ["XDG_DATA_HOME": "/data"]) == "/data/ktp/ledger.sqlite")
        #expect(Ledger.defaultPath(environment: ["HOME": "/home/op"]) == "/home/op/.local/share/ktp/ledger.sqlite")
        #expect(
            Ledger.defaultPath(environment: ["XDG_DATA_HOME": "relative", "HOME": "/h"])
                == "/h/.local/share/ktp/ledger.sqlite")
    }
}

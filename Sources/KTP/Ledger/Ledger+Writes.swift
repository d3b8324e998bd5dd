import Foundation
import GRDB

extension Ledger {
    /// Records a submission before it is sent, so that no answer, callback or crash can outrun it.
    public func insert(_ new: NewSubmission, now: Date = Date()) async throws(LedgerError) -> Submission {
        try await write { [photos] db in
            let existing = try Bool.fetchOne(
                db, sql: "SELECT 1 FROM submission WHERE api = ? AND app_id = ? AND reference_id = ?",
                arguments: [new.api, new.appID, new.referenceID])
            if existing == true {
                throw LedgerError(.duplicate, "\(new.referenceID) is already in the ledger for \(new.appID)")
            }
            try db.execute(
                sql: """
                    INSERT INTO submission (api, app_id, reference_id, photo_sha256, photo_url, options, state,
                        submitted_at, updated_at, reprocess_of, next_poll_at, revision, keep_photo_failed,
                        keep_photo_succeeded)
                    VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    new.api, new.appID, new.referenceID, new.photoSHA256, new.photoURL, Self.encode(new.options),
                    now.timeIntervalSince1970, now.timeIntervalSince1970, new.reprocessOf,
                    now.timeIntervalSince1970 + Self.unansweredPollDelay, try Self.nextRevision(db),
                    new.photoRetention.failedSeconds, new.photoRetention.succeededSeconds,
                ])
            let id = db.lastInsertedRowID
            // Written inside the transaction: a purge in another process, which holds the same write lock,
            // cannot see the file without the pending submission that keeps it.
            if let bytes = new.keptPhoto, let sha = new.photoSHA256, new.photoRetention.keepsPhotos {
                try photos.store(bytes, sha256: sha)
            }
            if let parent = new.reprocessOf,
                let parentID = try Int64.fetchOne(
                    db, sql: "SELECT id FROM submission WHERE api = ? AND app_id = ? AND reference_id = ?",
                    arguments: [new.api, new.appID, parent])
            {
                try Self.addEvent(db, id: parentID, .reprocessed, "reprocessed as \(new.referenceID)", now: now)
                try Self.touch(db, id: parentID, now: now)
            }
            guard let submission = try Self.submission(db, id: id) else {
                throw LedgerError(.database, "the new submission vanished")
            }
            return submission
        }
    }

    /// A submission's first poll waits for the submit's answer; this long only if the answer is never recorded
    /// (the process died in between).
    static let unansweredPollDelay: TimeInterval = 30

    /// Records the submit's answer and schedules the first poll `firstPoll` later. A refusal ends the submission;
    /// a transport failure leaves it pending, since the server may have accepted it, and the poller will tell.
    public func recordSubmit(
        _ id: Int64, outcome: Result<Acceptance, KTPError>, firstPoll: Duration = .seconds(1), now: Date = Date()
    ) async throws(LedgerError) {
        try await write { [photos] db in
            switch outcome {
            case .success(let acceptance):
                let note = acceptance.confirmedAfterRetry ? "accepted (confirmed after a retry)" : "accepted"
                try Self.addEvent(db, id: id, .submitted, note, now: now)
            case .failure(let error) where error.errorCode != nil:
                try Self.addEvent(db, id: id, .submitted, "refused: \(error.code)", now: now)
                try Self.fail(db, id: id, error: error, now: now)
            case .failure(let error):
                try Self.addEvent(db, id: id, .submitted, "no answer (\(error.code)); polling", now: now)
            }
            try db.execute(
                sql: "UPDATE submission SET next_poll_at = ? WHERE id = ? AND state = 'pending'",
                arguments: [now.timeIntervalSince1970 + firstPoll / .seconds(1), id])
            try Self.touch(db, id: id, now: now)
            try Self.releasePhoto(db, of: id, in: photos, now: now)
        }
    }

    /// Records a poll's answer. Not found ends the submission; other errors only reschedule it.
    public func recordPoll(
        _ id: Int64, outcome: Result<ResultBody, KTPError>, nextPollAt: Date, now: Date = Date()
    ) async throws(LedgerError) {
        try await write { [photos] db in
            guard let current = try Self.submission(db, id: id), !current.state.isTerminal else { return }
            try db.execute(
                sql: "UPDATE submission SET poll_count = poll_count + 1, next_poll_at = ? WHERE id = ?",
                arguments: [nextPollAt.timeIntervalSince1970, id])
            switch outcome {
            case .success(let body):
                try Self.addEvent(db, id: id, .polled, body.data.status.rawValue, now: now)
                try Self.apply(db, body, to: current, now: now)
            case .failure(let error):
                try Self.addEvent(db, id: id, .polled, "error: \(error.code)", now: now)
                if error.errorCode == .invalidPayloadReferenceIDNotFound {
                    try Self.fail(db, id: id, error: error, now: now)
                }
            }
            try Self.touch(db, id: id, now: now)
            try Self.releasePhoto(db, of: id, in: photos, now: now)
        }
    }

    /// Records a delivered callback. Returns `false` when no such submission exists. A repeated delivery
    /// changes nothing and adds no event.
    @discardableResult
    public func recordCallback(
        _ body: ResultBody, api: String, appID: String, now: Date = Date()
    ) async throws(LedgerError) -> Bool {
        try await write { [photos] db in
            let row = try Row.fetchOne(
                db, sql: "SELECT * FROM submission WHERE api = ? AND app_id = ? AND reference_id = ?",
                arguments: [api, appID, body.data.referenceID])
            guard let current = try row.map(Self.submission) else { return false }
            let seen = try Bool.fetchOne(
                db, sql: "SELECT 1 FROM event WHERE submission_id = ? AND kind = ?",
                arguments: [current.id, LedgerEvent.Kind.callbackReceived.rawValue])
            if seen == true && (current.state.isTerminal || body.data.status == .processing) { return true }
            try Self.addEvent(db, id: current.id, .callbackReceived, body.data.status.rawValue, now: now)
            if !current.state.isTerminal { try Self.apply(db, body, to: current, now: now) }
            try Self.touch(db, id: current.id, now: now)
            try Self.releasePhoto(db, of: current.id, in: photos, now: now)
            return true
        }
    }

    /// Notes that someone saw the unmasked personal data of a submission.
    public func recordReveal(_ id: Int64, by who: String, now: Date = Date()) async throws(LedgerError) {
        try await write { db in
            try Self.addEvent(db, id: id, .piiRevealed, "revealed by \(who)", now: now)
            try Self.touch(db, id: id, now: now)
        }
    }

    /// Takes up to `limit` pending submissions whose poll is due, and pushes their next poll out by `lease`
    /// so that another process's poller leaves them alone meanwhile.
    public func claimDuePolls(
        api: String, appID: String, limit: Int, lease: Duration, now: Date = Date()
    ) async throws(LedgerError) -> [Submission] {
        try await write { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    UPDATE submission SET next_poll_at = ?
                    WHERE id IN (
                        SELECT id FROM submission
                        WHERE state = 'pending' AND api = ? AND app_id = ? AND next_poll_at <= ?
                        ORDER BY next_poll_at LIMIT ?)
                    RETURNING *
                    """,
                arguments: [
                    now.timeIntervalSince1970 + Double(lease.components.seconds), api, appID,
                    now.timeIntervalSince1970, limit,
                ])
            return try rows.map(Self.submission)
        }
    }

    /// Deletes the kept photos that no submission keeps any more (see ``PhotoRetention``); returns how many
    /// went. The tracker runs it on a schedule.
    @discardableResult
    public func purgePhotos(now: Date = Date()) async throws(LedgerError) -> Int {
        try await write { [photos] db in
            var removed = 0
            for sha in try photos.names() {
                guard try !Self.isPhotoKept(db, sha256: sha, now: now) else { continue }
                try photos.remove(sha256: sha)
                removed += 1
            }
            return removed
        }
    }

    /// Whether a submission still keeps the photo `sha256`: one pending, or one ended within its retention.
    static func isPhotoKept(_ db: Database, sha256: String, now: Date) throws -> Bool {
        try Bool.fetchOne(
            db,
            sql: """
                SELECT 1 FROM submission WHERE photo_sha256 = ? AND (
                    state = 'pending'
                    OR (state = 'failed' AND completed_at + keep_photo_failed > ?)
                    OR (state = 'complete' AND completed_at + keep_photo_succeeded > ?))
                LIMIT 1
                """,
            arguments: [sha256, now.timeIntervalSince1970, now.timeIntervalSince1970]) == true
    }

    /// Deletes the photo of submission `id` at once when it has ended and nothing keeps the photo: a success's,
    /// unless its retention says otherwise.
    static func releasePhoto(_ db: Database, of id: Int64, in photos: PhotoFolder, now: Date) throws {
        guard
            let sha = try String.fetchOne(
                db, sql: "SELECT photo_sha256 FROM submission WHERE id = ? AND state != 'pending'", arguments: [id]),
            try !isPhotoKept(db, sha256: sha, now: now)
        else { return }
        try photos.remove(sha256: sha)
    }

    static func apply(_ db: Database, _ body: ResultBody, to current: Submission, now: Date) throws {
        let state = SubmissionState(body.data.status)
        let json = Self.encode(body)
        var updated = current
        // The summary columns must agree with what a reader decodes, and JSON dates keep whole seconds.
        updated.result = try ResultBody.makeDecoder().decode(ResultBody.self, from: Data(json.utf8))
        updated.state = state
        try db.execute(
            sql: """
                UPDATE submission SET state = ?, result = ?, error_code = ?, error_message = ?, nik = ?,
                    full_name = ?, completed_at = ?, next_poll_at = CASE WHEN ? THEN NULL ELSE next_poll_at END,
                    quality = ?, processing_seconds = ?
                WHERE id = ?
                """,
            arguments: [
                // A result's message is "Success" even when it failed: the code says it all.
                state.rawValue, json, body.errorCode?.rawValue, nil, body.data.fields?[.nik],
                body.data.fields?[.fullName], state.isTerminal ? now.timeIntervalSince1970 : nil,
                state.isTerminal, body.data.imageQuality?.conditionCode, updated.processingTime, current.id,
            ])
        if state != current.state {
            try addEvent(db, id: current.id, .statusChanged, "\(current.state.rawValue) → \(state.rawValue)", now: now)
        }
    }

    static func fail(_ db: Database, id: Int64, error: KTPError, now: Date) throws {
        try db.execute(
            sql: """
                UPDATE submission SET state = 'failed', error_code = ?, error_message = ?, completed_at = ?,
                    next_poll_at = NULL
                WHERE id = ?
                """,
            arguments: [error.errorCode?.rawValue, error.message, now.timeIntervalSince1970, id])
        try addEvent(db, id: id, .statusChanged, "pending → failed (\(error.code))", now: now)
    }
}

extension Ledger {
    /// Records finished submissions in one transaction: for importing history from elsewhere, and for
    /// filling a ledger to measure how the dashboard copes with its size.
    public func importFinished(_ entries: [(NewSubmission, ResultBody)], now: Date = Date()) async throws(LedgerError) {
        try await write { db in
            for (new, body) in entries {
                try db.execute(
                    sql: """
                        INSERT INTO submission (api, app_id, reference_id, photo_sha256, photo_url, options, state,
                            submitted_at, updated_at, reprocess_of, revision)
                        VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?)
                        """,
                    arguments: [
                        new.api, new.appID, new.referenceID, new.photoSHA256, new.photoURL,
                        Self.encode(new.options), (body.data.submittedAt ?? now).timeIntervalSince1970,
                        now.timeIntervalSince1970, new.reprocessOf, try Self.nextRevision(db),
                    ])
                guard let inserted = try Self.submission(db, id: db.lastInsertedRowID) else { continue }
                try Self.apply(db, body, to: inserted, now: body.data.completedAt ?? now)
            }
        }
    }
}

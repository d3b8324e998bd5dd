import Foundation
import Logging

/// Polls pending submissions until they end, with a per-submission backoff kept in the ledger (so it
/// survives restarts) and one rate limit over all of them.
struct Poller: Sendable {
    var client: KTPClient
    var ledger: Ledger
    var schedule: PollSchedule
    var limiter: RateLimiter
    var idleInterval: Duration
    var logger: Logger

    func run() async throws {
        while !Task.isCancelled {
            let due = try await ledger.claimDuePolls(
                api: client.api, appID: client.appID, limit: 32, lease: .seconds(60))
            if due.isEmpty {
                try await Task.sleep(for: idleInterval)
                continue
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for submission in due {
                    try await limiter.acquire()
                    group.addTask { try await poll(submission) }
                }
                try await group.waitForAll()
            }
        }
    }

    func poll(_ submission: Submission) async throws {
        let outcome: Result<ResultBody, KTPError>
        do {
            outcome = .success(try await client.result(referenceID: submission.referenceID))
        } catch {
            if error.code == .cancelled { throw CancellationError() }
            logger.debug(
                "poll failed", metadata: ["reference_id": "\(submission.referenceID)", "code": "\(error.code)"])
            outcome = .failure(error)
        }
        let wait = schedule.delay(afterPolls: submission.pollCount + 1)
        try await ledger.recordPoll(
            submission.id, outcome: outcome, nextPollAt: Date().addingTimeInterval(Double(wait.components.seconds)))
    }
}

import Foundation
import KTPContract

/// Durable jobs, in SQLite or PostgreSQL: claims take a lease (in PostgreSQL, `FOR UPDATE SKIP
/// LOCKED`), a rescuer re-queues expired leases, and every state change is conditional on the
/// lease so that a job is never completed twice.
///
/// Leases are fenced: a claim increments the job's `attempt`, and completing, extending or
/// releasing names the attempt as well as the worker. A worker presumed dead whose job was
/// rescued and claimed again (perhaps by a worker of the same name in another process or after
/// a restart) holds an old attempt and changes nothing.
public protocol JobStore: Sendable {
    /// Stores a job atomically with its checks: the reference_id must be new for the
    /// application, and a testing application's quota is spent here, only on acceptance.
    func enqueue(_ job: NewJob) async throws(StoreError) -> Job

    /// Signalled when a job may have become claimable: on a submit to this process, and in
    /// PostgreSQL on a submit to any process. Idle workers wait on it between polls.
    var jobsArrived: JobSignal { get }

    /// Whether the application has used this reference_id.
    func exists(applicationID: String, referenceID: String) async throws(StoreError) -> Bool

    /// The oldest runnable job of `lane`, now leased to `worker` until `now + lease`.
    func claim(worker: String, lane: JobLane, lease: Duration, now: Date) async throws(StoreError) -> Job?

    /// Stores the result if `worker` still holds the lease of `attempt`; returns whether it did.
    /// The image is deleted unless `retainImage`.
    func complete(
        jobID: Int64, worker: String, attempt: Int, result: ResultBody, at: Date, retainImage: Bool
    )
        async throws(StoreError) -> Bool

    /// Extends `worker`'s lease of `attempt` on a running job to `until`; returns whether it still
    /// held it.
    func extendLease(jobID: Int64, worker: String, attempt: Int, until: Date) async throws(StoreError) -> Bool

    /// Gives the job back for another attempt at `retryAt`, if `worker` still holds the lease of
    /// `attempt`.
    func release(jobID: Int64, worker: String, attempt: Int, retryAt: Date) async throws(StoreError) -> Bool

    /// Re-queues every job whose lease expired before `now`; returns how many.
    func rescueExpired(now: Date) async throws(StoreError) -> Int

    /// The job of this application with this reference_id.
    func job(applicationID: String, referenceID: String) async throws(StoreError) -> Job?

    /// Counts of jobs by state, for metrics.
    func countsByState() async throws(StoreError) -> [JobState: Int]

    /// The queued jobs' count and the oldest one's submission time, for metrics.
    func queueStats() async throws(StoreError) -> QueueStats

    /// Deletes retained images stored before `imagesBefore`, and results completed before
    /// `resultsBefore`; returns how many rows changed.
    func purge(imagesBefore: Date?, resultsBefore: Date?) async throws(StoreError) -> Int
}

/// A store failure, with the contract's code where one applies.
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        case referenceIDExists
        case quotaSpent
        case unknownApplication
        case database
    }

    public let code: Code
    public let detail: String

    public init(_ code: Code, _ detail: String = "") {
        self.code = code
        self.detail = detail
    }

    public var description: String { detail.isEmpty ? code.rawValue : "\(code.rawValue): \(detail)" }

    /// `value` as the JSON a store keeps (options, results), or the store's error.
    public static func encode(_ value: some Encodable) throws(StoreError) -> String {
        do {
            return String(decoding: try ResultBody.makeEncoder().encode(value), as: UTF8.self)
        } catch {
            throw StoreError(.database, "cannot encode: \(error)")
        }
    }
}

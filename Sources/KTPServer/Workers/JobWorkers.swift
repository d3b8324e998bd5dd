import Foundation
import KTPContract
import Logging
import ServiceLifecycle

/// Workers that claim jobs with a lease, run them and store results; plus the rescuer that
/// re-queues expired leases, at start and periodically. A job fails for good after
/// ``maxAttempts`` internal failures, retried with backoff, or once claimed more often than that
/// (its earlier runs lost with their process). Photos go to ``workers`` workers;
/// sandbox jobs to one more of their own, so that their canned results never wait for the engine.
public struct JobWorkers: Service {
    public var store: any JobStore
    public var processor: JobProcessor
    public var workers: Int
    /// Long enough for any one photo; a crashed worker's job is claimable again soon after.
    public var lease: Duration = .seconds(30)
    /// How long an idle worker waits for ``JobStore/jobsArrived`` before it claims again anyway.
    public var pollInterval: Duration = .milliseconds(100)
    public var rescueInterval: Duration = .seconds(5)
    /// How long a worker keeps trying to store a finished job's result while the store fails.
    public var storeRetryLimit: Duration = .seconds(300)
    /// Keep image bytes this long after the result is stored; `nil` deletes them at once.
    public var imageRetention: Duration?
    /// Purge results this long after completion; `nil` keeps them.
    public var resultRetention: Duration?
    public static let maxAttempts = 3
    public var metrics: ServiceMetrics?
    public var logger: Logger

    public init(store: any JobStore, processor: JobProcessor, workers: Int, logger: Logger) {
        self.store = store
        self.processor = processor
        self.workers = max(1, workers)
        self.logger = logger
    }

    /// Runs until graceful shutdown: workers finish the job in hand, then stop.
    public func run() async throws {
        _ = try? await rescueExpired(now: Date())
        let process = ProcessInfo.processInfo.processIdentifier
        await withDiscardingTaskGroup { group in
            for index in 0..<workers {
                group.addTask { await self.work(name: "worker-\(process)-\(index)", lane: .extraction) }
            }
            group.addTask { await self.work(name: "worker-\(process)-sandbox", lane: .sandbox) }
            group.addTask { await self.rescue() }
        }
    }

    private func work(name: String, lane: JobLane) async {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                guard let job = try await claim(worker: name, lane: lane, now: Date()) else {
                    await store.jobsArrived.wait(upTo: pollInterval)
                    continue
                }
                await run(job, worker: name)
            } catch {
                logger.error("claim failed", metadata: ["error": "\(error)"])
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }

    /// `lane`'s next runnable job, leased to `worker`, counted in the metrics.
    func claim(worker: String, lane: JobLane, now: Date) async throws(StoreError) -> Job? {
        let job = try await store.claim(worker: worker, lane: lane, lease: lease, now: now)
        if job != nil { metrics?.claimed() }
        return job
    }

    /// Re-queues the jobs whose lease expired before `now`, counted in the metrics; returns how many.
    func rescueExpired(now: Date) async throws(StoreError) -> Int {
        let count = try await store.rescueExpired(now: now)
        metrics?.rescued(count)
        return count
    }

    func run(_ job: Job, worker: String) async {
        // A job whose runs keep dying with their process (each lease runs out and is rescued)
        // would be claimed for ever: past the cap it ends as an internal failure, not run again.
        if job.attempt > Self.maxAttempts {
            logger.error(
                "job's runs were lost too often; failed for good",
                metadata: ["reference_id": "\(job.referenceID)", "attempt": "\(job.attempt)"])
            _ = try? await store.complete(
                jobID: job.id, worker: worker, attempt: job.attempt,
                result: JobProcessor.internalFailure(job, at: Date()), at: Date(), retainImage: imageRetention != nil)
            return
        }
        // Renew the lease while the engine works, so that a slow photo on a loaded machine is
        // not rescued and run twice; a crashed worker stops renewing and its lease runs out. A
        // renewal that fails (the database away a moment) is tried again at the next beat.
        let heartbeat = Task {
            while !Task.isCancelled {
                try await Task.sleep(for: lease / 3)
                let until = Date().addingTimeInterval(lease.timeInterval)
                _ = try? await store.extendLease(jobID: job.id, worker: worker, attempt: job.attempt, until: until)
            }
        }
        defer { heartbeat.cancel() }
        var metadata: Logger.Metadata = ["reference_id": "\(job.referenceID)", "attempt": "\(job.attempt)"]
        let result: ResultBody
        do {
            let start = ContinuousClock.now
            result = try await processor.process(job)
            let elapsed = (ContinuousClock.now - start).components
            metrics?.processed(
                nanoseconds: elapsed.seconds * 1_000_000_000 + elapsed.attoseconds / 1_000_000_000,
                status: result.data.status.rawValue)
        } catch {
            metadata["error"] = "\(error)"
            if job.attempt >= Self.maxAttempts {
                logger.error("job failed for good", metadata: metadata)
                _ = try? await store.complete(
                    jobID: job.id, worker: worker, attempt: job.attempt,
                    result: JobProcessor.internalFailure(job, at: Date()), at: Date(),
                    retainImage: imageRetention != nil)
            } else {
                let delay = Self.backoff(attempt: job.attempt)
                logger.warning("job failed; retrying", metadata: metadata)
                _ = try? await store.release(
                    jobID: job.id, worker: worker, attempt: job.attempt, retryAt: Date().addingTimeInterval(delay))
            }
            return
        }
        metadata["status"] = "\(result.data.status.rawValue)"
        switch await storeResult(result, of: job, worker: worker) {
        case true?: logger.info("job done", metadata: metadata)
        case false?: logger.info("job done elsewhere; result dropped", metadata: metadata)
        case nil: logger.error("result not stored; the job runs again once its lease runs out", metadata: metadata)
        }
    }

    /// Stores `result` as `job`'s, trying again with backoff while the store fails (a database
    /// that went away comes back): a result the engine has made is not thrown away for a moment's
    /// outage, nor counted as the job's failure. Trying again is safe because the completion is
    /// fenced: once the lease has run out and the job was rescued, it is refused, never stored
    /// twice. Returns whether it was stored; nil when the store still failed after
    /// ``storeRetryLimit`` or at a shutdown, which leaves the job to its lease's expiry and the rescuer.
    func storeResult(_ result: ResultBody, of job: Job, worker: String) async -> Bool? {
        let deadline = ContinuousClock.now + storeRetryLimit
        var delay = Duration.milliseconds(250)
        while true {
            do {
                return try await store.complete(
                    jobID: job.id, worker: worker, attempt: job.attempt, result: result, at: Date(),
                    retainImage: imageRetention != nil)
            } catch {
                guard ContinuousClock.now + delay < deadline, !Task.isCancelled, !Task.isShuttingDownGracefully
                else { return nil }
                logger.warning(
                    "storing a result failed; trying again",
                    metadata: ["reference_id": "\(job.referenceID)", "error": "\(error)", "in": "\(delay)"])
                try? await Task.sleep(for: delay)
                delay = min(delay * 2, .seconds(5))
            }
        }
    }

    /// 1 s, 2 s, 4 s … after the first, second, third failure.
    static func backoff(attempt: Int) -> TimeInterval {
        pow(2, Double(max(0, attempt - 1)))
    }

    /// Re-queues expired leases and applies the retention settings, every ``rescueInterval``.
    private func rescue() async {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            // A graceful shutdown cuts the wait short rather than holding the exit for an interval.
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: rescueInterval) }
            guard !Task.isShuttingDownGracefully else { return }
            let now = Date()
            if let count = try? await rescueExpired(now: now), count > 0 {
                logger.warning("re-queued jobs whose lease expired", metadata: ["count": "\(count)"])
                store.jobsArrived.signal()
            }
            if imageRetention != nil || resultRetention != nil {
                _ = try? await store.purge(
                    imagesBefore: imageRetention.map { now.addingTimeInterval(-$0.timeInterval) },
                    resultsBefore: resultRetention.map { now.addingTimeInterval(-$0.timeInterval) })
            }
        }
    }
}

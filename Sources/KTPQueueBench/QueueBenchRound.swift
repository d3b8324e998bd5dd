/// One round of the queue benchmark on one store: `workers` submitters enqueue the jobs, then as
/// many workers claim and complete them with a no-op body.
public struct QueueBenchRound: Sendable, Hashable {
    /// The store's name as the report shows it.
    public var store: String
    public var workers: Int
    public var enqueued: Int
    public var enqueueTime: Duration
    public var completed: Int
    public var drainTime: Duration
    /// pgbench's select-only transactions per second with as many clients, on the same server.
    public var pgbenchTPS: Double?

    public init(
        store: String, workers: Int, enqueued: Int, enqueueTime: Duration, completed: Int, drainTime: Duration,
        pgbenchTPS: Double? = nil
    ) {
        self.store = store
        self.workers = workers
        self.enqueued = enqueued
        self.enqueueTime = enqueueTime
        self.completed = completed
        self.drainTime = drainTime
        self.pgbenchTPS = pgbenchTPS
    }

    public var enqueuesPerSecond: Double { Self.rate(enqueued, in: enqueueTime) }
    public var completesPerSecond: Double { Self.rate(completed, in: drainTime) }

    /// The claim-completes per second as a fraction of pgbench's TPS, when it ran.
    public var shareOfPgbench: Double? {
        guard let pgbenchTPS, pgbenchTPS > 0 else { return nil }
        return completesPerSecond / pgbenchTPS
    }

    /// `count` per second over `time`; 0 for no time at all.
    static func rate(_ count: Int, in time: Duration) -> Double {
        let (seconds, attoseconds) = time.components
        let elapsed = Double(seconds) + Double(attoseconds) / 1e18
        return elapsed > 0 ? Double(count) / elapsed : 0
    }
}

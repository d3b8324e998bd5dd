import CoreMetrics
import Foundation
import Prometheus

/// The service's metrics in Prometheus text form: requests by route and code, jobs by state,
/// queue depth and the oldest queued job's age, claims and lease rescues, processing time and
/// callback attempts by outcome. Metrics are made from this value's own factory rather than a
/// global bootstrap, so that tests and several servers in one process do not collide.
public struct ServiceMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    private let factory: PrometheusMetricsFactory
    /// Made at once, so that they read 0 before the first claim or rescue: `rate()` needs the
    /// series from the start.
    private let claims: CoreMetrics.Counter
    private let rescues: CoreMetrics.Counter

    public init() {
        registry = PrometheusCollectorRegistry()
        factory = PrometheusMetricsFactory(registry: registry)
        claims = Counter(label: "ktp_job_claims_total", factory: factory)
        rescues = Counter(label: "ktp_lease_rescues_total", factory: factory)
    }

    /// A worker of this process claimed a job.
    func claimed() {
        claims.increment()
    }

    /// This process re-queued `count` jobs whose lease had expired.
    func rescued(_ count: Int) {
        rescues.increment(by: count)
    }

    func request(route: String, status: Int) {
        Counter(
            label: "ktp_http_requests_total", dimensions: [("route", route), ("code", "\(status)")],
            factory: factory
        ).increment()
    }

    func processed(nanoseconds: Int64, status: String) {
        Timer(label: "ktp_job_processing_seconds", dimensions: [("status", status)], factory: factory)
            .recordNanoseconds(nanoseconds)
    }

    func callbackAttempt(outcome: String) {
        Counter(label: "ktp_callback_attempts_total", dimensions: [("outcome", outcome)], factory: factory).increment()
    }

    func jobs(_ counts: [JobState: Int]) {
        for (state, count) in counts {
            Gauge(label: "ktp_jobs", dimensions: [("state", state.rawValue)], factory: factory).record(count)
        }
    }

    func queue(_ stats: QueueStats, now: Date) {
        Gauge(label: "ktp_queue_depth", factory: factory).record(stats.depth)
        Gauge(label: "ktp_queue_oldest_age_seconds", factory: factory).record(stats.oldestAge(at: now))
    }

    /// The text exposition, after refreshing the job and queue gauges.
    func exposition(counts: [JobState: Int], queue stats: QueueStats, now: Date) -> String {
        jobs(counts)
        queue(stats, now: now)
        return registry.emitToString()
    }
}

import CoreMetrics
import Prometheus

/// The service's metrics in Prometheus text form: requests by route and code, jobs by state,
/// queue depth, processing time and callback attempts by outcome. Metrics are made from this
/// value's own factory rather than a global bootstrap, so that tests and several servers in one
/// process do not collide.
public struct ServiceMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    private let factory: PrometheusMetricsFactory

    public init() {
        registry = PrometheusCollectorRegistry()
        factory = PrometheusMetricsFactory(registry: registry)
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
        Gauge(label: "ktp_queue_depth", factory: factory).record(counts[.queued] ?? 0)
    }

    /// The text exposition, after refreshing the job gauges.
    func exposition(counts: [JobState: Int]) -> String {
        jobs(counts)
        return registry.emitToString()
    }
}

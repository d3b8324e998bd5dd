import KTP

/// What the dashboard acts through once its service is reachable; the embedded service takes a moment to
/// start, and the dashboard paints before it is up.
public struct DashboardService: Sendable {
    /// The service's base URL, for the header.
    public var api: String
    /// Who can reprocess, by application ID; an application without one is read-only for reprocessing.
    public var submitters: [String: Submitter]
    /// Poll and receive callbacks while the dashboard is open.
    public var trackers: [Tracker]

    public init(api: String, submitters: [String: Submitter], trackers: [Tracker]) {
        self.api = api
        self.submitters = submitters
        self.trackers = trackers
    }
}

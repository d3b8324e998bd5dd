/// What one client may hold of the server: how long a connection may go without progress, how
/// long a request body may take in all, how many connections one address may keep open, and how
/// large a request head may be. No slow or stalled client holds the service up (ours).
public struct ConnectionLimits: Sendable, Hashable {
    /// A connection that reads nothing of its request (or sits idle between requests) this long is closed.
    public var idleTimeout: Duration
    /// A request whose body has not ended this long after its head is closed, progress or not.
    public var bodyTimeout: Duration
    /// Connections past this many from one IP address are closed as they open.
    public var connectionsPerAddress: Int
    /// Request heads over this many bytes, and other unparseable ones, are answered with the
    /// contract's error body by ``RequestHeadErrorHandler``.
    public var maxHeadBytes: Int

    public init(
        idleTimeout: Duration = .seconds(30), bodyTimeout: Duration = .seconds(120),
        connectionsPerAddress: Int = 128, maxHeadBytes: Int = 1 << 20
    ) {
        self.idleTimeout = idleTimeout
        self.bodyTimeout = bodyTimeout
        self.connectionsPerAddress = connectionsPerAddress
        self.maxHeadBytes = maxHeadBytes
    }
}

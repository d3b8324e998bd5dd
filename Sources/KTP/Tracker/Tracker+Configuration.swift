extension Tracker {
    public struct Configuration: Sendable, Hashable {
        /// Where to listen for callbacks; `nil` relies on polling alone.
        public var receiver: Receiver?
        public var pollSchedule: PollSchedule
        /// The most result calls a second, over all pending submissions.
        public var pollsPerSecond: Double
        /// How often the ledger is checked for changes and due polls.
        public var watchInterval: Duration
        /// How often photos past their retention are deleted (see ``Ledger/purgePhotos(now:)``).
        public var photoPurgeInterval: Duration

        public init(
            receiver: Receiver? = nil, pollSchedule: PollSchedule = PollSchedule(), pollsPerSecond: Double = 5,
            watchInterval: Duration = .milliseconds(250), photoPurgeInterval: Duration = .seconds(60)
        ) {
            self.receiver = receiver
            self.pollSchedule = pollSchedule
            self.pollsPerSecond = pollsPerSecond
            self.watchInterval = watchInterval
            self.photoPurgeInterval = photoPurgeInterval
        }
    }

    /// The callback listener's address, and the URL the server should use to reach it (behind a proxy,
    /// an https URL; by default `http://host:port/ktp/callback`, which needs a server that allows it).
    public struct Receiver: Sendable, Hashable {
        public var host: String
        public var port: Int
        public var publicURL: String?

        public init(host: String = "127.0.0.1", port: Int, publicURL: String? = nil) {
            self.host = host
            self.port = port
            self.publicURL = publicURL
        }

        /// The URL to give the server as `callback_url`.
        public var url: String { publicURL ?? "http://\(host):\(port)\(CallbackReceiver.path)" }
    }
}

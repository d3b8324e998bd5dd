import Foundation

extension KTPClient {
    /// Timeouts and retries. Every call is bounded by `totalTimeout`, retries and waits included.
    public struct Configuration: Sendable, Hashable {
        public var connectTimeout: Duration
        public var totalTimeout: Duration
        public var retry: RetryPolicy
        /// The largest answer read; a result body is a few kilobytes.
        public var maxResponseBytes: Int

        public init(
            connectTimeout: Duration = .seconds(5), totalTimeout: Duration = .seconds(30),
            retry: RetryPolicy = RetryPolicy(), maxResponseBytes: Int = 1 << 20
        ) {
            self.connectTimeout = connectTimeout
            self.totalTimeout = totalTimeout
            self.retry = retry
            self.maxResponseBytes = maxResponseBytes
        }
    }
}

import Foundation

/// How a model is compiled: threads, streams and the compiled-model cache.
public struct OpenVINOOptions: Sendable, Hashable {
    /// Threads each inference may use. 1 by default: the extractor pool already runs one worker per core.
    public var threads: Int
    /// Inferences OpenVINO runs at once on one compiled model (its CPU "streams"): one per worker that shares it.
    /// The default matches ``ExtractorPool``'s one worker per core.
    public var streams: Int
    /// Where OpenVINO keeps compiled models between runs, `nil` for no cache.
    public var cacheDirectory: URL?

    public init(
        threads: Int = 1, streams: Int = ProcessInfo.processInfo.activeProcessorCount, cacheDirectory: URL? = nil
    ) {
        self.threads = threads
        self.streams = streams
        self.cacheDirectory = cacheDirectory
    }
}

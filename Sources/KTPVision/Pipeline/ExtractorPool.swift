import Foundation
import KTPContract
import Synchronization

/// A fixed set of worker threads, each with its own ``KTPExtractor`` and Tesseract handles,
/// reused across photos. Async callers never block a Swift concurrency thread on OCR.
public final class ExtractorPool: Sendable {
    private struct Job: Sendable {
        var bytes: [UInt8]
        var continuation: CheckedContinuation<Extraction, any Error>
    }

    private struct Queue: ~Copyable {
        var jobs: [Job] = []
        var closed = false
    }

    private let queue = Mutex(Queue())
    private let available = DispatchSemaphore(value: 0)
    public let workerCount: Int

    /// Starts `workers` threads; each loads its own Tesseract handles before taking work.
    public init(
        workers: Int = ProcessInfo.processInfo.activeProcessorCount,
        configuration: ExtractorConfiguration
    ) throws(OCRError) {
        workerCount = max(1, workers)
        let ready = DispatchSemaphore(value: 0)
        let failure = Mutex<OCRError?>(nil)
        for index in 0..<workerCount {
            let thread = Thread { [self] in
                let extractor: KTPExtractor
                do throws(OCRError) {
                    extractor = try KTPExtractor(configuration: configuration)
                } catch {
                    failure.withLock { $0 = error }
                    ready.signal()
                    return
                }
                ready.signal()
                self.run(extractor)
            }
            thread.name = "ktp-ocr-\(index)"
            thread.stackSize = 8 << 20
            thread.start()
        }
        for _ in 0..<workerCount { ready.wait() }
        if let error = failure.withLock({ $0 }) {
            shutdown()
            throw error
        }
    }

    deinit { shutdown() }

    /// Extracts on the next free worker.
    public func extract(_ bytes: [UInt8]) async throws -> Extraction {
        try await withCheckedThrowingContinuation { continuation in
            let accepted = queue.withLock { queue in
                guard !queue.closed else { return false }
                queue.jobs.append(Job(bytes: bytes, continuation: continuation))
                return true
            }
            if accepted {
                available.signal()
            } else {
                continuation.resume(throwing: CancellationError())
            }
        }
    }

    /// Lets the workers finish queued photos, then stop.
    public func shutdown() {
        let alreadyClosed = queue.withLock { queue in
            defer { queue.closed = true }
            return queue.closed
        }
        guard !alreadyClosed else { return }
        for _ in 0..<workerCount { available.signal() }
    }

    private func run(_ extractor: KTPExtractor) {
        while true {
            available.wait()
            let job = queue.withLock { queue -> Job? in
                queue.jobs.isEmpty ? nil : queue.jobs.removeFirst()
            }
            guard let job else {
                if queue.withLock({ $0.closed && $0.jobs.isEmpty }) { return }
                continue
            }
            do {
                job.continuation.resume(returning: try extractor.extract(job.bytes))
            } catch {
                job.continuation.resume(throwing: error)
            }
        }
    }
}

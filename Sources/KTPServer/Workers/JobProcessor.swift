import Foundation
import KTPContract
import KTPVision

/// Turns one claimed job into its result body. Pure apart from the engine call.
public struct JobProcessor: Sendable {
    public let engine: any Extracting

    public init(engine: any Extracting) {
        self.engine = engine
    }

    /// The result, or a thrown error when processing failed in a way worth retrying.
    public func process(_ job: Job, completedAt: @Sendable () -> Date = Date.init) async throws -> ResultBody {
        let options = job.options
        if let code = job.sandboxImage {
            // Codes were checked at submit; one that no longer parses is an internal fault.
            let image = try Sandbox.image(code).get()
            return Sandbox.resultBody(
                referenceID: job.referenceID, image: image, isQuality: options.isQuality,
                validateQuality: options.validateQuality, submittedAt: job.submittedAt,
                completedAt: completedAt())
        }
        guard let bytes = job.image else { throw ProcessingError.imageMissing }
        do {
            let extraction = try await engine.extract(bytes)
            return extraction.resultBody(
                referenceID: job.referenceID, isQuality: options.isQuality,
                validateQuality: options.validateQuality, submittedAt: job.submittedAt,
                completedAt: completedAt())
        } catch is ImageError {
            // It passed the structural check at submit but the engine cannot decode it (ours).
            var data = ExtractionResult(
                referenceID: job.referenceID, status: .failed, submittedAt: job.submittedAt,
                completedAt: completedAt())
            data.imageQuality = options.isQuality ? ImageQuality() : nil
            return ResultBody(errorCode: .ktpNotDetected, data: data)
        }
    }

    /// Why a job could not be processed.
    public enum ProcessingError: Error, Sendable, Hashable {
        /// The job has neither image bytes nor a sandbox code.
        case imageMissing
    }

    /// The `FAILED` / `INTERNAL_SERVER_ERROR` body after the last attempt.
    public static func internalFailure(_ job: Job, at date: Date) -> ResultBody {
        var data = ExtractionResult(
            referenceID: job.referenceID, status: .failed, submittedAt: job.submittedAt,
            completedAt: date)
        data.imageQuality = nil
        return ResultBody(errorCode: .internalServerError, data: data)
    }
}

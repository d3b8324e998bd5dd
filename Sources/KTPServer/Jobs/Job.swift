import Foundation
import KTPContract

/// One extraction request, durable from the moment the submit is answered.
public struct Job: Sendable, Hashable {
    public var id: Int64
    public var applicationID: String
    public var referenceID: String
    public var state: JobState
    /// Runs started so far, the current one included.
    public var attempt: Int
    public var options: JobOptions
    /// The photo's bytes, until the result is stored (unless images are retained).
    public var image: [UInt8]?
    /// For a sandbox application: the code that stands in for the image.
    public var sandboxImage: String?
    public var submittedAt: Date
    public var completedAt: Date?
    /// The worker holding the lease, and until when.
    public var leaseOwner: String?
    public var leaseExpiresAt: Date?
    /// The result body once the job is done.
    public var result: ResultBody?

    public init(
        id: Int64, applicationID: String, referenceID: String, state: JobState, attempt: Int, options: JobOptions,
        image: [UInt8]?, sandboxImage: String?, submittedAt: Date, completedAt: Date?, leaseOwner: String?,
        leaseExpiresAt: Date?, result: ResultBody?
    ) {
        self.id = id
        self.applicationID = applicationID
        self.referenceID = referenceID
        self.state = state
        self.attempt = attempt
        self.options = options
        self.image = image
        self.sandboxImage = sandboxImage
        self.submittedAt = submittedAt
        self.completedAt = completedAt
        self.leaseOwner = leaseOwner
        self.leaseExpiresAt = leaseExpiresAt
        self.result = result
    }

    /// What the client would read now: the stored result, or `PROCESSING`.
    public var resultBody: ResultBody {
        result
            ?? ResultBody(
                data: ExtractionResult(
                    referenceID: referenceID, status: .processing,
                    submittedAt: submittedAt))
    }
}

/// Where a job is in its life.
public enum JobState: String, Sendable, Hashable, Codable {
    /// Waiting for a worker (new, retried, or rescued from an expired lease).
    case queued
    /// Claimed by a worker under a lease.
    case running
    /// A result is stored (SUCCESS or FAILED): terminal.
    case done
}

/// The submit's options that shape processing and delivery.
public struct JobOptions: Sendable, Hashable, Codable {
    public var isQuality: Bool
    public var validateQuality: Bool
    public var callbackURL: URL?

    public init(isQuality: Bool = true, validateQuality: Bool = false, callbackURL: URL? = nil) {
        self.isQuality = isQuality
        self.validateQuality = validateQuality
        self.callbackURL = callbackURL
    }
}

/// A job about to be stored.
public struct NewJob: Sendable, Hashable {
    public var applicationID: String
    public var referenceID: String
    public var options: JobOptions
    public var image: [UInt8]?
    public var sandboxImage: String?
    public var submittedAt: Date

    public init(
        applicationID: String, referenceID: String, options: JobOptions, image: [UInt8]? = nil,
        sandboxImage: String? = nil, submittedAt: Date
    ) {
        self.applicationID = applicationID
        self.referenceID = referenceID
        self.options = options
        self.image = image
        self.sandboxImage = sandboxImage
        self.submittedAt = submittedAt
    }
}

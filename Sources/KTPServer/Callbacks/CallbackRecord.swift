import Foundation

/// A callback's delivery state and every attempt, as `GET …/callbacks` and `ktp callbacks` show it.
public struct CallbackRecord: Sendable, Hashable, Codable {
    public enum State: String, Sendable, Hashable, Codable {
        case pending = "PENDING"
        case delivered = "DELIVERED"
        case failed = "FAILED"
    }

    public var referenceID: String
    public var url: String
    public var state: State
    public var attempts: [CallbackAttempt]

    public init(referenceID: String, url: String, state: State, attempts: [CallbackAttempt]) {
        self.referenceID = referenceID
        self.url = url
        self.state = state
        self.attempts = attempts
    }

    enum CodingKeys: String, CodingKey {
        case referenceID = "reference_id"
        case url, state, attempts
    }
}

/// One delivery attempt: when, what came back, how long it took, or why it failed.
public struct CallbackAttempt: Sendable, Hashable, Codable {
    public var at: Date
    public var httpStatus: Int?
    public var latencyMilliseconds: Int
    public var error: String?

    public init(at: Date, httpStatus: Int?, latencyMilliseconds: Int, error: String?) {
        self.at = at
        self.httpStatus = httpStatus
        self.latencyMilliseconds = latencyMilliseconds
        self.error = error
    }

    enum CodingKeys: String, CodingKey {
        case at
        case httpStatus = "http_status"
        case latencyMilliseconds = "latency_ms"
        case error
    }

    /// A 2xx answer delivers the callback.
    public var delivered: Bool { httpStatus.map { (200..<300).contains($0) } ?? false }
}

/// A callback claimed for one delivery attempt.
public struct CallbackDelivery: Sendable, Hashable {
    public var jobID: Int64
    public var applicationID: String
    public var referenceID: String
    public var url: URL
    public var body: String
    /// Attempts made before this one.
    public var previousAttempts: Int

    public init(
        jobID: Int64, applicationID: String, referenceID: String, url: URL, body: String, previousAttempts: Int
    ) {
        self.jobID = jobID
        self.applicationID = applicationID
        self.referenceID = referenceID
        self.url = url
        self.body = body
        self.previousAttempts = previousAttempts
    }
}

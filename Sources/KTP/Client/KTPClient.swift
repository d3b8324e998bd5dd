import AsyncHTTPClient
import Foundation
import KTPContract
import NIOCore
import NIOHTTP1
import Synchronization

/// A client of any server that speaks the Extract KTP (Asynchronous) contract: ours or Verihubs'.
///
/// The client owns its HTTP connection pool: ``shutdown()`` closes it, and a client dropped without it
/// closes the pool in the background.
public final class KTPClient: Sendable {
    public let baseURL: URL
    public let appID: String
    public let configuration: Configuration
    let apiKey: String
    let http: HTTPClient
    private let isShutDown = Mutex(false)

    public init(baseURL: URL, appID: String, apiKey: String, configuration: Configuration = Configuration()) {
        self.baseURL = baseURL
        self.appID = appID
        self.apiKey = apiKey
        self.configuration = configuration
        var httpConfiguration = HTTPClient.Configuration()
        httpConfiguration.timeout = .init(connect: .init(configuration.connectTimeout))
        httpConfiguration.redirectConfiguration = .disallow
        http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: httpConfiguration)
    }

    deinit {
        guard !isShutDown.withLock({ $0 }) else { return }
        let http = http
        Task { try? await http.shutdown() }
    }

    public func shutdown() async throws {
        let wasOpen = isShutDown.withLock { shut in
            defer { shut = true }
            return !shut
        }
        guard wasOpen else { return }
        try await http.shutdown()
    }

    /// The ledger's name for this API: the base URL without a trailing slash.
    public var api: String { baseURL.absoluteString.trimmingSuffix("/") }

    /// Submits a photo. With no `referenceID` in `options`, the SDK generates one; then a retry that meets
    /// `INVALID_PAYLOAD_REFERENCE_ID_EXISTS` is confirmed with a result call and reported as accepted.
    public func submit(_ photo: Photo, options: SubmitOptions = SubmitOptions()) async throws(KTPError) -> Acceptance {
        var options = options
        let generated = options.referenceID == nil
        if generated { options.referenceID = ReferenceID.generate() }
        return try await submit(image: photo.wireValue(), options: options, generatedID: generated)
    }

    /// `options.referenceID` is set; `generatedID` says whether the SDK made it.
    func submit(image: String, options: SubmitOptions, generatedID: Bool) async throws(KTPError) -> Acceptance {
        let referenceID = options.referenceID ?? ""
        let body = try SubmitBody(image: image, options: options).encoded()
        let reply = try await send(.POST, path: "ktp/id/extract-async", body: body, referenceID: referenceID)
        guard reply.status == 200 else {
            let error = reply.failure(referenceID: referenceID)
            // Our own random id "exists" only if a lost answer hid the first attempt's acceptance.
            guard generatedID, reply.attempts > 1, error.errorCode == .invalidPayloadReferenceIDExists else {
                throw error
            }
            let confirmed = try await result(referenceID: referenceID)
            return Acceptance(referenceID: referenceID, status: confirmed.data.status, confirmedAfterRetry: true)
        }
        let accepted = try reply.decode(AcceptedBody.self, referenceID: referenceID)
        return Acceptance(referenceID: accepted.data.referenceID, status: accepted.data.status)
    }

    /// Reads the result of a submission.
    public func result(referenceID: String) async throws(KTPError) -> ResultBody {
        var components = URLComponents()
        components.queryItems = [URLQueryItem(name: "reference_id", value: referenceID)]
        let path = "ktp/id/extract-async/result?" + (components.percentEncodedQuery ?? "")
        let reply = try await send(.GET, path: path, body: nil, referenceID: referenceID)
        guard reply.status == 200 else { throw reply.failure(referenceID: referenceID) }
        return try reply.decode(ResultBody.self, referenceID: referenceID)
    }
}

extension KTPClient {
    /// One call with retries on transport failures, 429 and 5xx, all within the total timeout.
    func send(
        _ method: HTTPMethod, path: String, body: [UInt8]?, referenceID: String
    ) async throws(KTPError)
        -> Reply
    {
        var request = HTTPClientRequest(url: api + "/" + path)
        request.method = method
        request.headers.add(name: "App-ID", value: appID)
        request.headers.add(name: "API-Key", value: apiKey)
        request.headers.add(name: "Accept", value: "application/json")
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let deadline = ContinuousClock.now + configuration.totalTimeout
        var attempt = 1
        while true {
            var failure: KTPError
            var retryAfter: Duration?
            do {
                let response = try await http.execute(request, deadline: .now() + .init(deadline - .now))
                let data = try await response.body.collect(upTo: configuration.maxResponseBytes)
                let reply = Reply(
                    status: Int(response.status.code), body: Array(data.readableBytesView), attempts: attempt)
                guard Self.isRetryable(status: reply.status) else { return reply }
                failure = reply.failure(referenceID: referenceID)
                retryAfter = response.headers.first(name: "Retry-After").flatMap { RetryAfter.parse($0) }
            } catch {
                failure = Self.transportError(error, referenceID: referenceID)
            }
            failure.attempts = attempt
            guard failure.isRetryable, attempt <= configuration.retry.maxRetries else { throw failure }
            let wait = configuration.retry.delay(
                beforeRetry: attempt, retryAfter: retryAfter, unitRandom: Double.random(in: 0..<1))
            guard ContinuousClock.now + wait < deadline else {
                failure.message += " (no time left for another attempt)"
                throw failure
            }
            do { try await Task.sleep(for: wait) } catch {
                throw KTPError(.cancelled, message: "cancelled", referenceID: referenceID)
            }
            attempt += 1
        }
    }

    static func isRetryable(status: Int) -> Bool { status == 429 || (500...599).contains(status) }

    static func transportError(_ error: any Error, referenceID: String) -> KTPError {
        if error is CancellationError {
            return KTPError(.cancelled, message: "cancelled", referenceID: referenceID)
        }
        if let error = error as? HTTPClientError,
            [.deadlineExceeded, .connectTimeout, .readTimeout, .writeTimeout].contains(error)
        {
            return KTPError(.timeout, message: "no answer in time (\(error))", referenceID: referenceID)
        }
        if let error = error as? NIOTooManyBytesError {
            return KTPError(.decoding, message: "the answer was too large (\(error))", referenceID: referenceID)
        }
        return KTPError(.connection, message: "the connection failed: \(error)", referenceID: referenceID)
    }

}

/// One HTTP answer, after `attempts` tries.
struct Reply: Sendable {
    var status: Int
    var body: [UInt8]
    var attempts: Int

    /// A non-200 answer: the contract's error body when there is one.
    func failure(referenceID: String?) -> KTPError {
        let decoded = try? JSONDecoder().decode(ErrorBody.self, from: Data(body))
        guard let decoded, let code = ErrorCode(rawValue: decoded.errorCode) else {
            let text = String(decoding: body.prefix(200), as: UTF8.self)
            return KTPError(
                .decoding, httpStatus: status, message: "unexpected answer: \(text)", referenceID: referenceID,
                attempts: attempts)
        }
        return KTPError(
            .contract(code), httpStatus: status, message: decoded.message, referenceID: referenceID,
            attempts: attempts)
    }

    func decode<T: Decodable>(_ type: T.Type, referenceID: String) throws(KTPError) -> T {
        do {
            return try ResultBody.makeDecoder().decode(type, from: Data(body))
        } catch {
            throw KTPError(
                .decoding, httpStatus: status, message: "cannot read the answer: \(error)", referenceID: referenceID,
                attempts: attempts)
        }
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}

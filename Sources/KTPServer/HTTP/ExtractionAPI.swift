import Foundation
import HTTPTypes
import Hummingbird
import KTPContract
import Logging
import NIOCore

/// The contract's routes: submit and result, each running its checks in the contract's order.
public struct ExtractionAPI: Sendable {
    public static let submitPath = "/ktp/id/extract-async"
    public static let resultPath = "/ktp/id/extract-async/result"
    public static let callbacksPath = "/ktp/id/extract-async/callbacks"
    /// Request bodies over this are refused on their size (ours).
    public static let maxBodyBytes = 8 << 20
    /// At most this much of the rest of such a body is discarded before the connection closes.
    public static let discardBytes = 64 << 20

    public var apps: any ApplicationStore
    public var jobs: any JobStore & CallbackStore
    public var validator: SubmitValidator
    public var metrics: ServiceMetrics
    /// Fetches `image` URLs; without one, a URL is refused as unfetchable.
    public var fetcher: ImageFetcher?
    /// Refuses an application's submits over its rate, right after authentication.
    public var rateLimiter: ApplicationRateLimiter
    public var logger: Logger
    /// How long the rest of a body over ``maxBodyBytes`` may take to discard before the
    /// connection closes (ours: 10 s).
    public var discardDeadline: Duration = .seconds(10)

    public init(
        apps: any ApplicationStore, jobs: any JobStore & CallbackStore, validator: SubmitValidator,
        metrics: ServiceMetrics, fetcher: ImageFetcher?,
        rateLimiter: ApplicationRateLimiter = ApplicationRateLimiter([:]), logger: Logger
    ) {
        self.apps = apps
        self.jobs = jobs
        self.validator = validator
        self.metrics = metrics
        self.fetcher = fetcher
        self.rateLimiter = rateLimiter
        self.logger = logger
    }

    public func addRoutes<Context: RequestContext>(to router: Router<Context>) {
        router.post(RouterPath(Self.submitPath)) { request, _ in
            await self.respond(route: "submit") { try await self.submit(request) }
        }
        router.get(RouterPath(Self.resultPath)) { request, _ in
            await self.respond(route: "result") { try await self.result(request) }
        }
        router.get(RouterPath(Self.callbacksPath)) { request, _ in
            await self.respond(route: "callbacks") { try await self.callbacks(request) }
        }
        router.get("/metrics") { _, _ in
            // Read at each scrape, so that the oldest job's age is never stale; every process
            // sharing a database reports the same queue.
            let text = metrics.exposition(
                counts: (try? await jobs.countsByState()) ?? [:],
                queue: (try? await jobs.queueStats()) ?? QueueStats(depth: 0, oldestSubmittedAt: nil), now: Date())
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
        }
    }

    /// Runs a handler, turns its contract error, or any other error, into the error body, and
    /// counts the answer.
    private func respond(route: String, _ handler: () async throws -> Response) async -> Response {
        let response: Response
        do {
            response = try await handler()
        } catch let oversized as OversizedBody {
            response = await refuseOversized(oversized)
        } catch let error as ContractError {
            var answer = Self.json(ErrorBody(message: error.message, errorCode: error.code), status: error.status)
            if let seconds = error.retryAfter { answer.headers[.retryAfter] = String(seconds) }
            response = answer
        } catch {
            logger.error("unexpected failure", metadata: ["error": "\(error)"])
            response = Self.json(
                ErrorBody(message: "internal server error", errorCode: .internalServerError),
                status: 500)
        }
        metrics.request(route: route, status: Int(response.status.code))
        return response
    }

    func authenticate(_ request: Request) async throws -> ClientApp {
        let unauthorized = ContractError(.unauthorized, status: 401, "missing or wrong App-ID and API-Key")
        guard let id = request.headers[HTTPField.Name("App-ID")!], let key = request.headers[HTTPField.Name("API-Key")!]
        else { throw unauthorized }
        // Looked up in a statement of its own: Swift 6.3's optimiser crashes on a typed-throwing
        // `try await` inside a guard's condition list.
        let found = try await apps.application(id: id)
        guard let app = found, app.accepts(key: key) else { throw unauthorized }
        return app
    }

    /// The whole body, up to ``maxBodyBytes``; past that, an ``OversizedBody`` with the rest. A
    /// declared length over the limit is refused before a byte of the body is read.
    static func body(of request: Request) async throws -> [UInt8] {
        var iterator = request.body.makeAsyncIterator()
        let length = declaredLength(request.headers)
        if let length, length > maxBodyBytes {
            let waiting = request.headers[.expect]?.lowercased() == "100-continue"
            throw OversizedBody(rest: UnreadBody(iterator), clientWaits: waiting)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(length ?? 0)
        do {
            while let chunk = try await iterator.next() {
                guard bytes.count + chunk.readableBytes <= maxBodyBytes else {
                    throw OversizedBody(rest: UnreadBody(iterator), clientWaits: false)
                }
                bytes += chunk.readableBytesView
            }
        } catch let oversized as OversizedBody {
            throw oversized
        } catch {
            // A malformed body (bad chunk framing), or a client gone or cut off by a timeout mid-body.
            throw ContractError(.invalidPayload, "the request body could not be read")
        }
        return bytes
    }

    /// The request's `Content-Length`, when it declares one.
    static func declaredLength(_ headers: HTTPFields) -> Int? {
        headers[.contentLength].flatMap { Int($0) }
    }

    /// `400 INVALID_PAYLOAD_IMAGE_SIZE` for a body over 8 MiB (ours). A client that waits for
    /// `100 Continue` has sent none of it: it is answered at once and the connection closes. A
    /// client still sending is answered once the rest is discarded: even the response head must
    /// wait, because a client that sees an error head while it is still sending may stop sending
    /// and fail (AsyncHTTPClient does). Past the discard's limits the answer is written all the
    /// same. Whenever the body was not read to its end, the writer fails so that Hummingbird
    /// closes the connection rather than read on.
    func refuseOversized(_ refused: OversizedBody) async -> Response {
        let answer = Self.encoded(
            ErrorBody(message: "the request body is over 8 MiB", errorCode: .invalidPayloadImageSize))
        let headers: HTTPFields = [.contentType: "application/json", .connection: "close"]
        let discarded =
            refused.clientWaits
            ? false : await refused.rest.discard(limit: Self.discardBytes, deadline: discardDeadline)
        guard !discarded else {
            return Response(status: .badRequest, headers: headers, body: ResponseBody(byteBuffer: answer))
        }
        return Response(
            status: .badRequest, headers: headers,
            body: ResponseBody(contentLength: answer.readableBytes) { writer in
                try await writer.write(answer)
                throw DiscardError.closeAfterAnswer
            })
    }

    /// Ends the answer to an oversized body whose rest was not read, so that the connection closes.
    enum DiscardError: Error {
        case closeAfterAnswer
    }

    static func json(_ value: some Encodable, status: Int) -> Response {
        Response(
            status: HTTPResponse.Status(code: status), headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: encoded(value)))
    }

    static func encoded(_ value: some Encodable) -> ByteBuffer {
        ByteBuffer(bytes: (try? ResultBody.makeEncoder().encode(value)) ?? Data())
    }
}

import Foundation
import Hummingbird
import Logging
import NIOCore

/// The embedded listener for result callbacks. It answers 2xx only once the ledger holds the result,
/// so that the server retries anything not yet written.
struct CallbackReceiver: Sendable {
    static let path = "/ktp/callback"

    var ledger: Ledger
    var api: String
    var appID: String
    var logger: Logger

    func application(
        host: String, port: Int, onRunning: @escaping @Sendable (Int) async -> Void
    )
        -> some ApplicationProtocol
    {
        let router = Router()
        router.post(RouterPath(stringLiteral: Self.path)) { request, context in
            try await receive(request, context: context)
        }
        return Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "ktp-tracker"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    func receive(_ request: Request, context: some RequestContext) async throws -> Response {
        guard BasicCredentials.verify(request.headers[.authorization], appID: appID) else {
            return Self.answer(.unauthorized, "wrong or missing credentials")
        }
        let bytes = try await request.body.collect(upTo: 1 << 20)
        let body: ResultBody
        do {
            body = try ResultBody.makeDecoder().decode(ResultBody.self, from: Data(bytes.readableBytesView))
        } catch {
            return Self.answer(.badRequest, "not a result body")
        }
        do {
            guard try await ledger.recordCallback(body, api: api, appID: appID) else {
                return Self.answer(.notFound, "unknown reference_id")
            }
        } catch {
            logger.error("callback not recorded", metadata: ["reference_id": "\(body.data.referenceID)"])
            return Self.answer(.internalServerError, "not recorded; retry")
        }
        return Self.answer(.ok, "recorded")
    }

    static func answer(_ status: HTTPResponse.Status, _ message: String) -> Response {
        let json = #"{"message":"\#(message)"}"#
        return Response(
            status: status, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: json)))
    }
}

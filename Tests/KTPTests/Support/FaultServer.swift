import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import TestSupport

/// A contract server that answers from a script, for the faults a real server only shows by accident:
/// 500s, 429 with `Retry-After`, slow answers. It records every request it got.
actor FaultServer {
    enum Answer: Sendable {
        case status(Int, body: String, headers: [String: String] = [:])
        case slow(Duration, then: Int)
    }

    struct Received: Sendable {
        var method: String
        var path: String
        var headers: [String: String]
        var body: String
    }

    private var script: [Answer] = []
    private(set) var received: [Received] = []
    private var task: Task<Void, any Error>?

    /// Queues answers, used in order; with none left, submits are accepted and results are PROCESSING.
    func script(_ answers: [Answer]) { script = answers }

    func start() async -> Int {
        let router = Router()
        router.on("/ktp/id/extract-async", method: .post) { request, _ in try await self.answer(request) }
        router.on("/ktp/id/extract-async/result", method: .get) { request, _ in try await self.answer(request) }
        let (ports, signal) = AsyncStream.makeStream(of: Int.self)
        // Stopping is cancellation, which Hummingbird reports as an error: that is expected here.
        var logger = Logger(label: "ktp.tests.fault-server")
        logger.logLevel = .critical
        let application = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { signal.yield($0.localAddress?.port ?? 0) }, logger: logger)
        task = Task { try await application.runService(gracefulShutdownSignals: []) }
        for await port in ports { return port }
        return 0
    }

    func stop() { task?.cancel() }

    private func answer(_ request: Request) async throws -> Response {
        let body = try await request.body.collect(upTo: 16 << 20)
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.rawName] = field.value }
        received.append(
            Received(
                method: request.method.rawValue, path: request.uri.description, headers: headers,
                body: String(buffer: body)))
        let next = script.isEmpty ? nil : script.removeFirst()
        switch next {
        case .status(let status, let text, let extra):
            return Self.response(status, text, extra)
        case .slow(let delay, let status):
            try await Task.sleep(for: delay)
            return Self.response(status, Self.processing(request), [:])
        case nil:
            return Self.response(200, Self.processing(request), [:])
        }
    }

    private static func processing(_ request: Request) -> String {
        let reference = request.uri.queryParameters["reference_id"].map(String.init) ?? "fault-ref"
        if request.method == .post {
            return #"{"message":"Request accepted","data":{"reference_id":"fault-ref","status":"PROCESSING"}}"#
        }
        return #"{"message":"Success","data":{"reference_id":"\#(reference)","status":"PROCESSING"}}"#
    }

    private static func response(_ status: Int, _ body: String, _ extra: [String: String]) -> Response {
        var headers: HTTPFields = [.contentType: "application/json"]
        for (name, value) in extra { headers[HTTPField.Name(name)!] = value }
        return Response(
            status: HTTPResponse.Status(code: status), headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}

/// A listener that accepts connections and closes them without a word: a dropped connection.
final class DroppingListener: Sendable {
    let port: Int
    private let socket: Int32

    init() throws {
        let (socket, port) = try LoopbackPort.bound(listening: 16)
        self.socket = socket
        self.port = port
        let listening = socket
        Thread.detachNewThread {
            while true {
                let connection = accept(listening, nil, nil)
                if connection < 0 { return }
                var buffer = [UInt8](repeating: 0, count: 4096)
                _ = read(connection, &buffer, buffer.count)
                close(connection)
            }
        }
    }

    func stop() {
        shutdown(socket, Int32(SHUT_RDWR))
        close(socket)
    }
}

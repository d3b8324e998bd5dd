import AsyncHTTPClient
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import KTPServer

/// Bodies over 8 MiB, sent by a real HTTP client on loopback: the client always reads the
/// contract's answer, whether the body has a length or is chunked, and whether the client asked
/// for the connection to close.
@Suite struct OversizedBodyTests {
    /// A 9 MiB submit body, streamed in 64 KiB chunks.
    static func body(chunked: Bool) -> HTTPClientRequest.Body {
        let chunk = ByteBuffer(repeating: UInt8(ascii: "A"), count: 64 << 10)
        let chunks = [ByteBuffer(string: #"{"image": ""#)] + Array(repeating: chunk, count: 144)
        let length = chunks.map(\.readableBytes).reduce(0, +)
        let stream = AsyncStream<ByteBuffer> { continuation in
            for chunk in chunks { continuation.yield(chunk) }
            continuation.finish()
        }
        return .stream(stream, length: chunked ? .unknown : .known(Int64(length)))
    }

    static func submit(port: Int, chunked: Bool, close: Bool, client: HTTPClient) async throws -> (Int, String?) {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(ExtractionAPI.submitPath)")
        request.method = .POST
        request.headers.add(name: "App-ID", value: "app-live")
        request.headers.add(name: "API-Key", value: "live-key")
        request.headers.add(name: "Content-Type", value: "application/json")
        if close { request.headers.add(name: "Connection", value: "close") }
        request.body = body(chunked: chunked)
        let response = try await client.execute(request, timeout: .seconds(30))
        let answer = try await response.body.collect(upTo: 1 << 20)
        return (Int(response.status.code), ExtractionAPITests.json(answer)["error_code"] as? String)
    }

    @Test(arguments: [(false, false), (false, true), (true, false), (true, true)])
    func theClientReadsTheAnswerToABodyOver8MiB(chunked: Bool, close: Bool) async throws {
        let harness = try await ExtractionAPITests.Harness()
        // The routes alone, with a discard deadline that a loaded test machine cannot reach: this
        // test is about the answer reaching the client, the deadline has a test of its own.
        var routes = ExtractionAPI(
            apps: harness.temporary.store, jobs: harness.temporary.store, validator: SubmitValidator(),
            metrics: ServiceMetrics(), fetcher: nil, logger: ExtractionAPITests.logger)
        routes.discardDeadline = .seconds(600)
        let router = Router()
        routes.addRoutes(to: router)
        let application = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await HTTPClient.scoped { client in
            try await application.test(.live) { api in
                for _ in 0..<10 {
                    let (status, code) = try await Self.submit(
                        port: api.port!, chunked: chunked, close: close, client: client)
                    #expect(status == 400)
                    #expect(code == "INVALID_PAYLOAD_IMAGE_SIZE")
                }
                // The server is still well after them.
                #expect(try await ExtractionAPITests.result(api, "after-0001").0 == 404)
            }
        }
    }

    @Test func theDiscardStopsAtTheEndOfTheBody() async {
        let body = RequestBody(asyncSequence: Self.chunks(count: 16, thenWait: false))
        #expect(await UnreadBody(body.makeAsyncIterator()).discard(limit: 64 << 20, deadline: .seconds(600)))
    }

    @Test func theDiscardGivesUpPastItsByteLimit() async {
        let body = RequestBody(asyncSequence: Self.chunks(count: 16, thenWait: false))
        // 16 chunks of 64 KiB are 1 MiB: over a 512 KiB limit.
        #expect(!(await UnreadBody(body.makeAsyncIterator()).discard(limit: 512 << 10, deadline: .seconds(600))))
    }

    @Test func theDiscardGivesUpOnAStalledClientAtItsDeadline() async {
        let body = RequestBody(asyncSequence: Self.chunks(count: 1, thenWait: true))
        let start = ContinuousClock.now
        #expect(!(await UnreadBody(body.makeAsyncIterator()).discard(limit: 64 << 20, deadline: .milliseconds(300))))
        // The deadline ended it, not the stream, which stays open for an hour.
        #expect(ContinuousClock.now - start < .seconds(600))
    }

    /// `count` chunks of 64 KiB, then the end, or (`thenWait`) nothing more for an hour.
    static func chunks(count: Int, thenWait: Bool) -> AsyncStream<ByteBuffer> {
        AsyncStream { continuation in
            for _ in 0..<count { continuation.yield(ByteBuffer(repeating: 0x41, count: 64 << 10)) }
            if thenWait {
                let task = Task {
                    try? await Task.sleep(for: .seconds(3600)); continuation.finish()
                }
                continuation.onTermination = { _ in task.cancel() }
            } else {
                continuation.finish()
            }
        }
    }
}

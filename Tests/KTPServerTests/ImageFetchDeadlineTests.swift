import AsyncHTTPClient
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import KTPServer

/// An image URL's whole fetch (connect, redirects, head and body) ends at the fetch timeout.
@Suite struct ImageFetchDeadlineTests {
    /// An origin that sends a 200-byte body one byte every 200 ms: 40 s in all.
    static func tricklingOrigin() -> some ApplicationProtocol {
        let router = Router()
        router.get("/trickle.jpg") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "image/jpeg"],
                body: ResponseBody(contentLength: 200) { writer in
                    for _ in 0..<200 {
                        try await writer.write(ByteBuffer(bytes: [0xFF]))
                        try await Task.sleep(for: .milliseconds(200))
                    }
                })
        }
        return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    }

    static func submit(_ client: HTTPClient, port: Int, image: String) async throws -> (Int, String?) {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(ExtractionAPI.submitPath)")
        request.method = .POST
        request.headers.add(name: "App-ID", value: "app-live")
        request.headers.add(name: "API-Key", value: "live-key")
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(string: #"{"image": "\#(image)"}"#))
        let response = try await client.execute(request, timeout: .seconds(60))
        let body = try await response.body.collect(upTo: 1 << 20)
        return (Int(response.status.code), ExtractionAPITests.json(body)["error_code"] as? String)
    }

    @Test(.timeLimit(.minutes(1)))
    func aBodyTricklingPastTheFetchTimeoutIsRefusedAtTheTimeout() async throws {
        try await Self.tricklingOrigin().test(.live) { origin in
            try await LoopbackService.with(imageFetchTimeout: .seconds(1)) { service in
                try await HTTPClient.scoped { client in
                    let start = ContinuousClock.now
                    let (status, code) = try await Self.submit(
                        client, port: service.port, image: "http://127.0.0.1:\(origin.port!)/trickle.jpg")
                    let elapsed = ContinuousClock.now - start
                    #expect(status == 400)
                    #expect(code == "INVALID_PAYLOAD_IMAGE_FORMAT")
                    // The 1 s timeout ended it, not the origin's 40 s body; the margin is for a loaded machine.
                    #expect(elapsed < .seconds(15), "the submit took \(elapsed)")
                }
            }
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func aClosedPortIsRefusedAtOnceNotAtTheTimeout() async throws {
        let port = try await ConcurrentCallbackTests.closedPorts(1)[0]
        // A timeout far above "at once", so that a loaded machine cannot blur the two.
        try await LoopbackService.with(imageFetchTimeout: .seconds(45)) { service in
            try await HTTPClient.scoped { client in
                let start = ContinuousClock.now
                let (status, code) = try await Self.submit(
                    client, port: service.port, image: "http://127.0.0.1:\(port)/photo.jpg")
                let elapsed = ContinuousClock.now - start
                #expect(status == 400)
                #expect(code == "INVALID_PAYLOAD_IMAGE_FORMAT")
                #expect(elapsed < .seconds(15), "a refused connection took \(elapsed)")
            }
        }
    }
}

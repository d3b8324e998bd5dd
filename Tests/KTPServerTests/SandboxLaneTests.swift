import AsyncHTTPClient
import Foundation
import KTPVision
import NIOCore
import Testing
@testable import KTPServer

/// Sandbox results are canned: the service completes them in a lane of their own, never behind
/// photos in the engine.
@Suite struct SandboxLaneTests {
    /// An engine that holds each photo until the test lets go, then finds no card in it.
    struct HeldEngine: Extracting {
        let started: AsyncStream<Void>.Continuation
        let released: AsyncStream<Void>

        func extract(_ bytes: [UInt8]) async throws -> Extraction {
            started.yield()
            for await _ in released {}
            throw ImageError(.undecodable, "held by the test")
        }
    }

    static func submit(_ client: HTTPClient, port: Int, app: String, key: String, body: String) async throws -> Int {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(ExtractionAPI.submitPath)")
        request.method = .POST
        request.headers.add(name: "App-ID", value: app)
        request.headers.add(name: "API-Key", value: key)
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(string: body))
        let response = try await client.execute(request, timeout: .seconds(30))
        _ = try await response.body.collect(upTo: 1 << 20)
        return Int(response.status.code)
    }

    @Test(.timeLimit(.minutes(2)))
    func aSandboxSubmitCompletesAtOnceAndCallsBackWhileAPhotoHoldsTheOnlyWorker() async throws {
        let (started, startedSignal) = AsyncStream.makeStream(of: Void.self)
        let (released, release) = AsyncStream.makeStream(of: Void.self)
        let receiver = ConcurrentCallbackTests.Receiver()
        try await receiver.application().test(.live) { receiving in
            try await LoopbackService.with(engine: HeldEngine(started: startedSignal, released: released)) {
                service in
                // Let go of the photo before the service stops: a graceful shutdown waits for it.
                defer { release.finish() }
                try await HTTPClient.scoped { client in
                    let photo = #"{"image": "\#(try ExtractionAPITests.jpegBase64())", "reference_id": "photo-0001"}"#
                    #expect(
                        try await Self.submit(client, port: service.port, app: "app-live", key: "live-key", body: photo)
                            == 200)
                    var engineStarts = started.makeAsyncIterator()
                    _ = await engineStarts.next()
                    let sandbox =
                        #"{"image": "KTP", "reference_id": "box-0001", "#
                        + #""callback_url": "http://127.0.0.1:\#(receiving.port!)/cb"}"#
                    #expect(
                        try await Self.submit(client, port: service.port, app: "app-box", key: "box-key", body: sandbox)
                            == 200)
                    let arrived = await receiver.arrival(of: "box-0001", within: .seconds(10))
                    #expect(arrived != nil, "the sandbox result's callback was not delivered")
                    let store = service.temporary.store
                    let box = try #require(try await store.job(applicationID: "app-box", referenceID: "box-0001"))
                    let completed = try #require(box.completedAt, "the sandbox result waited behind the photo")
                    // The photo is held until the test ends, so a result behind it would never complete; the
                    // bound only keeps a loaded machine's scheduling out of the verdict.
                    #expect(completed.timeIntervalSince(box.submittedAt) < 5)
                    #expect(box.result?.data.status == .success)
                    let held = try await store.job(applicationID: "app-live", referenceID: "photo-0001")
                    #expect(held?.state == .running, "the photo still holds the only worker")
                }
            }
        }
    }
}

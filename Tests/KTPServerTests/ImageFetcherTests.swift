import AsyncHTTPClient
import Foundation
import Hummingbird
import HummingbirdTesting
import KTPContract
import KTPVision
import NIOCore
import Testing
@testable import KTPServer

/// The image URL fetcher against a small local server on loopback.
@Suite struct ImageFetcherTests {
    static func origin() throws -> some ApplicationProtocol {
        let jpeg = try Raster(RGBImage(width: 800, height: 600, fill: (190, 215, 235))).jpegData(quality: 70)
        let router = Router()
        router.get("/photo.jpg") { _, _ in
            Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(bytes: jpeg)))
        }
        router.get("/big") { _, _ in
            Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(repeating: 0xFF, count: 6 << 20)))
        }
        router.get("/slow") { _, _ in
            try await Task.sleep(for: .seconds(60))
            return Response(status: .ok)
        }
        router.get("/hop") { _, _ in Response(status: .found, headers: [.location: "/photo.jpg"]) }
        router.get("/missing") { _, _ in Response(status: .notFound) }
        return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    }

    /// The production 15 s limit unless a test needs a shorter one: a loaded test machine can
    /// take seconds to answer on loopback.
    static func withFetcher(
        insecure: Bool, timeout: Duration = .seconds(15), _ body: @Sendable (ImageFetcher, Int) async throws -> Void
    )
        async throws
    {
        let client = ImageFetcher.makeClient()
        var configured = ImageFetcher(client: client, guard: OutboundGuard(policy: URLPolicy(allowsInsecure: insecure)))
        configured.timeout = timeout
        let fetcher = configured
        do {
            try await origin().test(.live) { testClient in
                try await body(fetcher, testClient.port ?? 0)
            }
        } catch {
            try await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }

    static func code(_ result: Result<[UInt8], ContractError>) -> ErrorCode? {
        if case .failure(let error) = result { return error.code }
        return nil
    }

    @Test func fetchesAPhotoAndFollowsARedirectThroughTheGuard() async throws {
        try await Self.withFetcher(insecure: true) { fetcher, port in
            let direct = try await fetcher.fetch("http://127.0.0.1:\(port)/photo.jpg").get()
            #expect(ImageFormat(sniffing: direct) == .jpeg)
            let redirected = try await fetcher.fetch("http://127.0.0.1:\(port)/hop").get()
            #expect(redirected == direct)
        }
    }

    @Test func stopsReadingAt5MiB() async throws {
        try await Self.withFetcher(insecure: true) { fetcher, port in
            #expect(Self.code(await fetcher.fetch("http://127.0.0.1:\(port)/big")) == .invalidPayloadImageSize)
        }
    }

    @Test func aSlowOrFailingOriginIsUnfetchable() async throws {
        try await Self.withFetcher(insecure: true, timeout: .seconds(1)) { fetcher, port in
            let start = ContinuousClock.now
            #expect(Self.code(await fetcher.fetch("http://127.0.0.1:\(port)/slow")) == .invalidPayloadImageFormat)
            #expect(ContinuousClock.now - start < .seconds(30), "the 1 s timeout, not the origin's 60 s, ended it")
            #expect(Self.code(await fetcher.fetch("http://127.0.0.1:\(port)/missing")) == .invalidPayloadImageFormat)
        }
    }

    @Test func withoutTheFlagLoopbackAndPlainHTTPAreRefused() async throws {
        try await Self.withFetcher(insecure: false) { fetcher, port in
            #expect(Self.code(await fetcher.fetch("https://127.0.0.1:\(port)/photo.jpg")) == .invalidPayloadImageFormat)
            #expect(Self.code(await fetcher.fetch("http://example.com/photo.jpg")) == .invalidPayloadImageFormat)
            #expect(Self.code(await fetcher.fetch("https://localhost:\(port)/photo.jpg")) == .invalidPayloadImageFormat)
        }
    }

    @Test func aPublicNameThatResolvesInwardIsRefusedByTheGuard() async {
        // DNS is the boundary we do not own: a stand-in resolver maps names to addresses.
        let guard_ = OutboundGuard(policy: URLPolicy()) { host in
            host == "inward.example" ? ["93.184.216.34", "10.0.0.7"] : ["93.184.216.34"]
        }
        let inward = await guard_.check(URL(string: "https://inward.example/cb")!)
        #expect(inward == .failure(.internalAddress("inward.example → 10.0.0.7")))
        let outward = await guard_.check(URL(string: "https://outward.example/cb")!)
        #expect(outward == .success(URL(string: "https://outward.example/cb")!))
    }

    @Test func theSystemResolverFindsLoopbackForLocalhost() async {
        #expect(await HostResolver.addresses("localhost").contains { $0 == "127.0.0.1" || $0 == "::1" })
    }
}

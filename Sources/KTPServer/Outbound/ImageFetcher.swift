import AsyncHTTPClient
import Foundation
import KTPContract
import NIOCore

/// Fetches an `image` URL for the submit path: at most 15 s in all, reading no more than
/// 5 MiB, following up to five redirects itself so that every hop passes the address guard.
public struct ImageFetcher: Sendable {
    public var client: HTTPClient
    public var guard_: OutboundGuard
    public var timeout: Duration = .seconds(15)
    public static let maxRedirects = 5

    /// `client` must not follow redirects on its own (``makeClient()``).
    public init(client: HTTPClient, guard guard_: OutboundGuard) {
        self.client = client
        self.guard_ = guard_
    }

    /// A client that leaves redirects to the caller.
    public static func makeClient() -> HTTPClient {
        HTTPClient(
            eventLoopGroupProvider: .singleton,
            configuration: HTTPClient.Configuration(redirectConfiguration: .disallow))
    }

    public func fetch(_ text: String) async -> Result<[UInt8], ContractError> {
        func unfetchable(_ why: String) -> Result<[UInt8], ContractError> {
            .failure(ContractError(.invalidPayloadImageFormat, "the image URL \(why)"))
        }
        guard var url = URL(string: text) else { return unfetchable("is not a URL") }
        let deadline = NIODeadline.now() + .nanoseconds(Int64(timeout.components.seconds) * 1_000_000_000)
        for _ in 0...Self.maxRedirects {
            switch await guard_.check(url) {
            case .failure(let refusal): return unfetchable(refusal.description)
            case .success: break
            }
            do {
                let response = try await client.execute(HTTPClientRequest(url: url.absoluteString), deadline: deadline)
                if (300..<400).contains(response.status.code), let location = response.headers.first(name: "location"),
                    let next = URL(string: location, relativeTo: url)?.absoluteURL
                {
                    url = next
                    continue
                }
                guard (200..<300).contains(response.status.code) else {
                    return unfetchable("answered \(response.status.code)")
                }
                do {
                    let body = try await response.body.collect(upTo: ImageIntake.maxBytes)
                    return .success(Array(body.readableBytesView))
                } catch let error as NIOTooManyBytesError {
                    _ = error
                    return .failure(ContractError(.invalidPayloadImageSize, "the image is over 5 MiB"))
                }
            } catch {
                return unfetchable("could not be fetched within \(timeout.components.seconds) s: \(error)")
            }
        }
        return unfetchable("redirects more than \(Self.maxRedirects) times")
    }
}

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

    /// A client that leaves redirects to the caller and fails a refused connection at once:
    /// by default the pool retries connecting until its deadline, so a closed port held an
    /// image fetch, or a callback slot, for 10 s.
    public static func makeClient() -> HTTPClient {
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow)
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// The image's bytes, or the contract's refusal. Everything (resolving, connecting, redirects,
    /// the head and the body) ends at ``timeout``: the client's deadline covers the head only.
    public func fetch(_ text: String) async -> Result<[UInt8], ContractError> {
        let timeout = self.timeout
        return await withTaskGroup(of: Result<[UInt8], ContractError>?.self) { group in
            group.addTask { await self.fetchUnbounded(text) }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first ?? Self.unfetchable("could not be fetched within \(timeout)")
        }
    }

    private static func unfetchable(_ why: String) -> Result<[UInt8], ContractError> {
        .failure(ContractError(.invalidPayloadImageFormat, "the image URL \(why)"))
    }

    private func fetchUnbounded(_ text: String) async -> Result<[UInt8], ContractError> {
        let unfetchable = Self.unfetchable
        guard var url = URL(string: text) else { return unfetchable("is not a URL") }
        let deadline = NIODeadline.now() + .nanoseconds(Int64(timeout.timeInterval * 1e9))
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
                return unfetchable("could not be fetched: \(error)")
            }
        }
        return unfetchable("redirects more than \(Self.maxRedirects) times")
    }
}

import Foundation

/// The address guard for every outbound request (image URLs, callbacks): the URL policy first,
/// then every address the host resolves to, so that a public-looking name pointing inward is
/// refused as well. Run again for each redirect hop and at each callback delivery.
public struct OutboundGuard: Sendable {
    public var policy: URLPolicy
    /// Host name to addresses: the system resolver, or a stand-in for DNS in tests.
    public var resolve: @Sendable (String) async -> [String]

    public init(policy: URLPolicy, resolve: @escaping @Sendable (String) async -> [String] = HostResolver.addresses) {
        self.policy = policy
        self.resolve = resolve
    }

    public func check(_ url: URL) async -> Result<URL, URLPolicy.Refusal> {
        let checked = policy.check(url.absoluteString)
        guard case .success(let url) = checked, !policy.allowsInsecure, let host = url.host else { return checked }
        let addresses = await resolve(host)
        if let inward = addresses.first(where: URLPolicy.isInternal(host:)) {
            return .failure(.internalAddress("\(host) → \(inward)"))
        }
        return .success(url)
    }
}

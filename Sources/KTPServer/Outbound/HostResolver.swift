import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Resolves a host name to its addresses with `getaddrinfo`, off the cooperative pool.
public enum HostResolver {
    private static let queue = DispatchQueue(label: "ktp.resolver", attributes: .concurrent)

    public static func addresses(_ host: String) async -> [String] {
        let host = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: resolve(host)) }
        }
    }

    private static func resolve(_ host: String) -> [String] {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &list) == 0, let first = list else { return [] }
        defer { freeaddrinfo(list) }
        var addresses: [String] = []
        var node: UnsafeMutablePointer<addrinfo>? = first
        while let current = node {
            var buffer = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            if getnameinfo(
                current.pointee.ai_addr, current.pointee.ai_addrlen, &buffer, socklen_t(buffer.count), nil, 0,
                NI_NUMERICHOST) == 0
            {
                let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
                addresses.append(String(decoding: bytes, as: UTF8.self))
            }
            node = current.pointee.ai_next
        }
        return addresses
    }
}

import Foundation

/// Which callback and image URLs the service will contact: absolute `https://` URLs whose host
/// is not a private, loopback or link-local address. The same policy runs again on the
/// resolved address at delivery time, so a name that points inward is refused too.
public struct URLPolicy: Sendable {
    /// `--allow-insecure-urls`: `http://` and any address, for development only.
    public var allowsInsecure: Bool

    public init(allowsInsecure: Bool = false) {
        self.allowsInsecure = allowsInsecure
    }

    public enum Refusal: Error, Sendable, Hashable, CustomStringConvertible {
        case notAbsolute
        case scheme(String)
        case internalAddress(String)

        public var description: String {
            switch self {
            case .notAbsolute: "is not an absolute URL"
            case .scheme(let scheme): "must use https, not \(scheme.isEmpty ? "no scheme" : scheme)"
            case .internalAddress(let host): "points at a private, loopback or link-local address (\(host))"
            }
        }
    }

    public func check(_ text: String) -> Result<URL, Refusal> {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            let host = components.host, !host.isEmpty, let url = components.url
        else {
            return .failure(.notAbsolute)
        }
        let schemes = allowsInsecure ? ["https", "http"] : ["https"]
        guard schemes.contains(scheme) else { return .failure(.scheme(scheme)) }
        guard allowsInsecure || !Self.isInternal(host: host) else { return .failure(.internalAddress(host)) }
        return .success(url)
    }

    /// A literal address in a private, loopback, link-local or unspecified range, or `localhost`.
    public static func isInternal(host: String) -> Bool {
        let host = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if host == "localhost" || host.hasSuffix(".localhost") { return true }
        if let v4 = IPv4(host) { return v4.isInternal }
        if let v6 = IPv6(host) { return v6.isInternal }
        return false
    }
}

/// A dotted-quad IPv4 address.
struct IPv4: Hashable {
    let octets: [UInt8]

    init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var octets: [UInt8] = []
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isASCIIDigit), let value = UInt8(part) else {
                return nil
            }
            octets.append(value)
        }
        self.octets = octets
    }

    var isInternal: Bool {
        let (a, b) = (octets[0], octets[1])
        return a == 0 || a == 10 || a == 127 || (a == 169 && b == 254) || (a == 172 && (16...31).contains(b))
            || (a == 192 && b == 168) || (a == 100 && (64...127).contains(b))
    }
}

/// An IPv6 address in any of its textual forms.
struct IPv6: Hashable {
    let groups: [UInt16]

    init?(_ text: String) {
        let text = text.split(separator: "%").first.map(String.init) ?? text
        guard text.contains(":") else { return nil }
        var head: [UInt16] = [], tail: [UInt16] = []
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func parse(_ part: String) -> [UInt16]? {
            guard !part.isEmpty else { return [] }
            var groups: [UInt16] = []
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            for (index, piece) in pieces.enumerated() {
                if index == pieces.count - 1, let v4 = IPv4(String(piece)) {
                    groups.append(UInt16(v4.octets[0]) << 8 | UInt16(v4.octets[1]))
                    groups.append(UInt16(v4.octets[2]) << 8 | UInt16(v4.octets[3]))
                } else {
                    guard (1...4).contains(piece.count), let value = UInt16(piece, radix: 16) else { return nil }
                    groups.append(value)
                }
            }
            return groups
        }
        guard let first = parse(halves[0]) else { return nil }
        head = first
        if halves.count == 2 {
            guard let second = parse(halves[1]), head.count + second.count < 8 else { return nil }
            tail = second
            groups = head + [UInt16](repeating: 0, count: 8 - head.count - tail.count) + tail
        } else {
            guard head.count == 8 else { return nil }
            groups = head
        }
    }

    var isInternal: Bool {
        let first = groups[0]
        if groups.dropLast().allSatisfy({ $0 == 0 }) && (groups[7] == 0 || groups[7] == 1) { return true }
        if (first & 0xFE00) == 0xFC00 || (first & 0xFFC0) == 0xFE80 { return true }
        // IPv4-mapped (::ffff:a.b.c.d): judged as the IPv4 address it carries.
        if groups[0..<5].allSatisfy({ $0 == 0 }) && groups[5] == 0xFFFF {
            let octets = [groups[6] >> 8, groups[6] & 0xFF, groups[7] >> 8, groups[7] & 0xFF].map { UInt8($0) }
            return IPv4(octets.map(String.init).joined(separator: "."))?.isInternal ?? true
        }
        return false
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

import Crypto
import Foundation

/// An application calling the API: its `App-ID`, the SHA-256 of its API key, and its mode.
public struct ClientApp: Sendable, Hashable {
    public var id: String
    public var keyHash: [UInt8]
    public var mode: ApplicationMode

    public init(id: String, keyHash: [UInt8], mode: ApplicationMode) {
        self.id = id
        self.keyHash = keyHash
        self.mode = mode
    }

    /// An application whose key is stored hashed, never as given.
    public init(id: String, key: String, mode: ApplicationMode) {
        self.init(id: id, keyHash: Self.hash(key), mode: mode)
    }

    public static func hash(_ key: String) -> [UInt8] {
        Array(SHA256.hash(data: Data(key.utf8)))
    }

    /// Compares the hash of `key` with the stored one in time that does not depend on where
    /// they differ.
    public func accepts(key: String) -> Bool {
        let candidate = Self.hash(key)
        guard candidate.count == keyHash.count else { return false }
        var difference: UInt8 = 0
        for (a, b) in zip(candidate, keyHash) { difference |= a ^ b }
        return difference == 0
    }
}

/// How an application's submissions are processed.
public enum ApplicationMode: Sendable, Hashable {
    /// Real processing, no quota.
    case live
    /// Real processing, `quota` extractions in all, of which `used` are spent. Saving an
    /// application sets its quota; the store alone counts `used`.
    case testing(quota: Int, used: Int = 0)
    /// No processing: images and reference_ids are sandbox codes.
    case sandbox

    /// The extractions left in testing mode; nil in the other modes, which have no quota.
    public var quotaRemaining: Int? {
        if case .testing(let quota, let used) = self { max(0, quota - used) } else { nil }
    }

    /// The mode's name as stored and as typed on the command line.
    public var name: String {
        switch self {
        case .live: "live"
        case .testing: "testing"
        case .sandbox: "sandbox"
        }
    }
}

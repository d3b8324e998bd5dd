import Foundation

/// A photo to submit: its bytes, a file to read them from, or an `https://` URL the server fetches.
public enum Photo: Sendable, Hashable {
    case bytes([UInt8])
    case file(String)
    case url(String)
    /// A sandbox application's stand-in for a photo, such as `KTP_BD` or `NO_KTP_DETECTED`.
    case sandboxCode(String)

    /// The contract's `image` value: base64 bytes or the URL.
    func wireValue() throws(KTPError) -> String {
        switch self {
        case .url(let text), .sandboxCode(let text): text
        case .bytes, .file: Data(try loadedBytes() ?? []).base64EncodedString()
        }
    }

    /// The bytes of a `.bytes` or `.file` photo; `nil` for a URL.
    public func loadedBytes() throws(KTPError) -> [UInt8]? {
        switch self {
        case .bytes(let bytes):
            return bytes
        case .url, .sandboxCode:
            return nil
        case .file(let path):
            guard let data = FileManager.default.contents(atPath: path) else {
                throw KTPError(.photoUnreadable, message: "cannot read the photo at \(path)")
            }
            return [UInt8](data)
        }
    }
}

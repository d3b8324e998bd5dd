/// Why an image was refused, with a code the service maps to the contract.
public struct ImageError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        /// Zero bytes.
        case empty
        /// Not JPEG or PNG by its magic bytes.
        case unsupportedFormat
        /// The header could not be read.
        case unreadableHeader
        /// Over the limits' megapixels or side.
        case tooLarge
        /// Under the limits' short or long side.
        case tooSmall
        /// The header was fine but the pixels could not be decoded.
        case undecodable
        /// Leptonica could not encode the image.
        case encodingFailed
    }

    public let code: Code
    public let detail: String

    public init(_ code: Code, _ detail: String = "") {
        self.code = code
        self.detail = detail
    }

    public var description: String {
        let base: String =
            switch code {
            case .empty: "the file is empty"
            case .unsupportedFormat: "not a JPEG or PNG image"
            case .unreadableHeader: "the image header cannot be read"
            case .tooLarge: "the image is too large"
            case .tooSmall: "the image is too small"
            case .undecodable: "the image is truncated or corrupt"
            case .encodingFailed: "the image could not be encoded"
            }
        return detail.isEmpty ? base : "\(base) (\(detail))"
    }
}

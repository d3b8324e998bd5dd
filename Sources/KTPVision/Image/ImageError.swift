/// Why an image was refused, with a code the service maps to the contract.
public struct ImageError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        /// Zero bytes.
        case empty
        /// Not JPEG or PNG by its magic bytes.
        case unsupportedFormat
        /// The header could not be read.
        case unreadableHeader
        /// Over 40 megapixels or 12000 px a side.
        case tooLarge
        /// Under 480 px on the short side or 720 px on the long side.
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
            case .tooLarge: "the image is larger than 40 megapixels or 12000 px a side"
            case .tooSmall: "the image is smaller than 720×480 px"
            case .undecodable: "the image is truncated or corrupt"
            case .encodingFailed: "the image could not be encoded"
            }
        return detail.isEmpty ? base : "\(base) (\(detail))"
    }
}

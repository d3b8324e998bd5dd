/// Why the generator could not make a photo or a data set.
public struct SynthError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        /// Cairo could not create a surface (bad size or out of memory).
        case canvasFailed
        /// A Leptonica operation returned no image.
        case imageOperationFailed
        /// The region table has no province → regency → district → village chain to draw from.
        case noUsableRegion
        /// A condition code is not one of `clean`, `B`, `D`, `F`, `G` or their combinations.
        case unknownCondition
        /// The output directory or a file in it could not be written.
        case writeFailed
        /// An encoder refused the photo.
        case encodingFailed
    }

    public let code: Code
    public let detail: String

    public init(_ code: Code, _ detail: String = "") {
        self.code = code
        self.detail = detail
    }

    public var description: String {
        let what: String
        switch code {
        case .canvasFailed: what = "cannot create a drawing surface"
        case .imageOperationFailed: what = "an image operation failed"
        case .noUsableRegion: what = "the region table has no district with villages"
        case .unknownCondition: what = "unknown condition"
        case .writeFailed: what = "cannot write the data set"
        case .encodingFailed: what = "cannot encode the photo"
        }
        return detail.isEmpty ? what : "\(what): \(detail)"
    }
}

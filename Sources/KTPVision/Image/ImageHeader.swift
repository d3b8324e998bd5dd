/// What a photo's header says, read before any pixel is decoded.
public struct ImageHeader: Sendable, Hashable {
    public var format: ImageFormat
    public var width: Int
    public var height: Int

    /// The contract's limits: at most 40 megapixels and 12000 px a side, at least 720×480.
    public static let maxPixels = 40_000_000
    public static let maxSide = 12_000
    public static let minShortSide = 480
    public static let minLongSide = 720

    public init(format: ImageFormat, width: Int, height: Int) {
        self.format = format
        self.width = width
        self.height = height
    }

    /// Throws when the dimensions are outside the contract's limits.
    public func checkDimensions() throws(ImageError) {
        let size = "\(width)×\(height) px"
        guard width * height <= Self.maxPixels, max(width, height) <= Self.maxSide else {
            throw ImageError(.tooLarge, size)
        }
        guard min(width, height) >= Self.minShortSide, max(width, height) >= Self.minLongSide else {
            throw ImageError(.tooSmall, size)
        }
    }
}

/// What a photo's header says, read before any pixel is decoded.
public struct ImageHeader: Sendable, Hashable {
    public var format: ImageFormat
    public var width: Int
    public var height: Int

    public init(format: ImageFormat, width: Int, height: Int) {
        self.format = format
        self.width = width
        self.height = height
    }

    /// Throws when the dimensions are outside `limits`.
    ///
    /// The sides come from untrusted bytes (a PNG states up to 2³²−1 each), so their product is
    /// checked for overflow rather than trusted to fit.
    public func check(_ limits: ImageLimits) throws(ImageError) {
        let size = "\(width)×\(height) px"
        let (pixels, overflow) = width.multipliedReportingOverflow(by: height)
        guard width >= 0, height >= 0, !overflow, pixels <= limits.maxPixels, max(width, height) <= limits.maxSide
        else {
            let most = "the most is \(limits.maxPixels / 1_000_000) megapixels and \(limits.maxSide) px a side"
            throw ImageError(.tooLarge, "\(size); \(most)")
        }
        guard min(width, height) >= limits.minShortSide, max(width, height) >= limits.minLongSide else {
            throw ImageError(.tooSmall, "\(size); the least is \(limits.minLongSide)×\(limits.minShortSide) px")
        }
    }
}

/// The pixel sizes an image may have, checked on its header before any pixel is decoded.
public struct ImageLimits: Sendable, Hashable {
    public var maxPixels: Int
    public var maxSide: Int
    public var minShortSide: Int
    public var minLongSide: Int

    public init(maxPixels: Int, maxSide: Int, minShortSide: Int, minLongSide: Int) {
        self.maxPixels = maxPixels
        self.maxSide = maxSide
        self.minShortSide = minShortSide
        self.minLongSide = minLongSide
    }

    /// The contract's check 11: at most 40 megapixels and 12000 px a side, at least 720×480.
    public static let contract = ImageLimits(
        maxPixels: 40_000_000, maxSide: 12_000, minShortSide: 480, minLongSide: 720)

    /// A reader's: the contract's ceiling, and a tightly cropped card from 600 px on its long side.
    public static let reader = ImageLimits(
        maxPixels: contract.maxPixels, maxSide: contract.maxSide, minShortSide: 240, minLongSide: 600)
}

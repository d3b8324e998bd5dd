/// What every extractor of a pool shares.
public struct ExtractorConfiguration: Sendable {
    /// The Kemendagri table; `nil` reads cards without region snapping.
    public var regions: RegionTable?
    public var thresholds: QualityThresholds
    /// Tesseract language data to load.
    public var languages: String

    public init(regions: RegionTable? = nil, thresholds: QualityThresholds = .calibrated, languages: String = "ind") {
        self.regions = regions
        self.thresholds = thresholds
        self.languages = languages
    }
}

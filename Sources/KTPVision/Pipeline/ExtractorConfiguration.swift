/// What every extractor of a pool shares.
public struct ExtractorConfiguration: Sendable {
    /// The Kemendagri table; `nil` reads cards without region snapping.
    public var regions: RegionTable?
    public var thresholds: QualityThresholds
    /// Tesseract language data to load, without ``models``.
    public var languages: String
    /// The language data the digits-only NIK pass reads with. Digits are the same in every
    /// language; English's model is trained on far more of them, and reads a bold final `8` that
    /// Indonesian's takes for a `3`.
    public var digitLanguages: String
    /// The PP-OCR models that find and read the card's lines; `nil` leaves every pass to Tesseract.
    public var models: PPOCRModels?
    /// Decides whether a reading is a KTP.
    public var detection = DetectionModel.standard

    public init(
        regions: RegionTable? = nil, thresholds: QualityThresholds = .calibrated, languages: String = "ind",
        digitLanguages: String = "eng", models: PPOCRModels? = nil
    ) {
        self.regions = regions
        self.models = models
        self.thresholds = thresholds
        self.languages = languages
        self.digitLanguages = digitLanguages
    }
}

import KTPContract

/// Where each score turns into a flag.
public struct QualityThresholds: Sendable, Hashable, Codable {
    /// Blur when sharpness is below this.
    public var sharpness: Double
    /// Dark when brightness is below this.
    public var brightness: Double
    /// Flashlight when glare is above this.
    public var glare: Double
    /// Grayscale when chroma is below this.
    public var chroma: Double

    public init(sharpness: Double, brightness: Double, glare: Double, chroma: Double) {
        self.sharpness = sharpness
        self.brightness = brightness
        self.glare = glare
        self.chroma = chroma
    }

    /// Calibrated on a generated set; see `docs/calibration.md`.
    public static let calibrated = QualityThresholds(
        sharpness: 0.3185, brightness: 89.5, glare: 0.03525,
        chroma: 0.2672)

    public func flags(for scores: QualityScores) -> ImageQuality {
        ImageQuality(
            blur: scores.sharpness < sharpness,
            dark: scores.brightness < brightness,
            flashlight: scores.glare > glare,
            grayscale: scores.chroma < chroma
        )
    }
}

/// The measurements behind the quality flags. Each is scale-free, so one threshold serves every
/// photo size; `docs/calibration.md` records how the thresholds were chosen.
public struct QualityScores: Sendable, Hashable, Codable {
    /// Steepest text edges relative to the card's contrast, measured on the rectified card.
    /// A sharp edge rises within a pixel or two; blur spreads it, so this falls.
    public var sharpness: Double
    /// The card's bright level: the 90th percentile of luminance, 0...255.
    public var brightness: Double
    /// Specular glare: how far, as a fraction, the brightest compact, softly fading highlight rises
    /// above the card's diffuse level (a surface fitted to its lit background); 0 when there is none.
    /// A ratio, so an unsaturated spot in a dim photo counts and a white page does not.
    public var glare: Double
    /// The photo's mean chroma (max minus min channel), 0...255, after exposure is normalised so
    /// that a dark colour photo is not mistaken for a gray one.
    public var chroma: Double

    public init(sharpness: Double, brightness: Double, glare: Double, chroma: Double) {
        self.sharpness = sharpness
        self.brightness = brightness
        self.glare = glare
        self.chroma = chroma
    }
}

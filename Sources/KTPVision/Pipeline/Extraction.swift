import KTPContract

/// What the engine made of one photo.
public struct Extraction: Sendable, Hashable {
    public enum Outcome: Sendable, Hashable {
        /// A KTP, read and normalised.
        case ktp(NormalizedCard)
        /// No KTP in the photo.
        case notDetected
    }

    public var outcome: Outcome
    /// What the reading that decided the outcome showed of a KTP: what `ktp bench --calibrate` learns from.
    public var evidence: CardEvidence
    public var quality: ImageQuality
    public var scores: QualityScores
    /// Where the card was found, in photo pixels; `nil` when the whole photo was read.
    public var quad: Quad?
    public var timings: StageTimings

    public init(
        outcome: Outcome, evidence: CardEvidence, quality: ImageQuality, scores: QualityScores, quad: Quad?,
        timings: StageTimings
    ) {
        self.outcome = outcome
        self.evidence = evidence
        self.quality = quality
        self.scores = scores
        self.quad = quad
        self.timings = timings
    }

    /// The card, when one was read.
    public var card: NormalizedCard? {
        if case .ktp(let card) = outcome { return card }
        return nil
    }
}

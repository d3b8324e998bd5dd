import Foundation

/// The detection score: a logistic model over ``CardEvidence``, and the probability above which a
/// photo is a KTP.
///
/// The weights are learned, not written: `ktp bench --calibrate` fits them on a generated set and
/// prints them (`docs/calibration.md` records the run that gave ``standard``).
public struct DetectionModel: Sendable, Hashable, Codable {
    /// One weight per ``CardEvidence/features`` entry.
    public var weights: [Double]
    public var bias: Double
    /// A photo whose probability reaches this is a KTP.
    public var threshold: Double

    public init(weights: [Double], bias: Double, threshold: Double) {
        precondition(weights.count == CardEvidence.featureNames.count, "one weight per feature")
        self.weights = weights
        self.bias = bias
        self.threshold = threshold
    }

    /// The probability that a photo showing `evidence` is a KTP.
    public func probability(_ evidence: CardEvidence) -> Double {
        let z = zip(weights, evidence.features).reduce(bias) { $0 + $1.0 * $1.1 }
        return 1 / (1 + exp(-z))
    }

    /// Learned by `ktp bench --calibrate` on a development set; see `docs/calibration.md`.
    public static let standard = DetectionModel(
        weights: [2.751, 1.096, 0.238, 2.190, 3.630, 4.557, 1.175], bias: -4.800, threshold: 0.2587)

    public func accepts(_ evidence: CardEvidence) -> Bool { probability(evidence) >= threshold }

    /// Of two readings of one photo, the likelier KTP.
    public func preferred(_ a: CardReading, _ b: CardReading) -> CardReading {
        probability(a.evidence) >= probability(b.evidence) ? a : b
    }
}

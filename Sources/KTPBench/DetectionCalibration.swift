import Foundation
import KTPVision

/// Learns the detection score from photos with known answers: a class-balanced logistic regression over
/// ``CardEvidence``, fitted by gradient descent from zero (so the same photos always give the same model), then
/// the threshold that accepts the most KTPs while a false accept costs ten missed ones.
public struct DetectionCalibration: Sendable {
    public var model: DetectionModel
    /// KTPs the model accepts, of all KTPs.
    public var accepted: Int
    public var ktps: Int
    /// Other photos the model accepts, of all others.
    public var falseAccepts: Int
    public var negatives: Int

    /// What a false accept costs, in missed KTPs: a bank would rather ask for a second photo.
    public static let falseAcceptCost = 10

    public init(
        samples: [(evidence: CardEvidence, isKTP: Bool)], iterations: Int = 20_000, learningRate: Double = 1,
        regularization: Double = 1e-3
    ) {
        let rows = samples.map { (features: $0.evidence.features, target: $0.isKTP ? 1.0 : 0.0) }
        let positives = rows.filter { $0.target == 1 }.count
        // Each class weighs as much as the other, so a set with few negatives still learns what refuses them.
        let negativeWeight = positives == rows.count ? 0 : 0.5 / Double(rows.count - positives)
        let positiveWeight = positives == 0 ? 0 : 0.5 / Double(positives)
        var weights = [Double](repeating: 0, count: CardEvidence.featureNames.count)
        var bias = 0.0
        for _ in 0..<iterations {
            var gradient = weights.map { $0 * regularization }
            var biasGradient = 0.0
            for row in rows {
                let z = zip(weights, row.features).reduce(bias) { $0 + $1.0 * $1.1 }
                let error = (1 / (1 + exp(-z)) - row.target) * (row.target == 1 ? positiveWeight : negativeWeight)
                for index in gradient.indices { gradient[index] += error * row.features[index] }
                biasGradient += error
            }
            for index in weights.indices { weights[index] -= learningRate * gradient[index] }
            bias -= learningRate * biasGradient
        }
        let fitted = DetectionModel(weights: weights, bias: bias, threshold: 0.5)
        let scored = samples.map { (probability: fitted.probability($0.evidence), isKTP: $0.isKTP) }
        let threshold = Self.threshold(scored)
        model = DetectionModel(weights: weights, bias: bias, threshold: threshold)
        ktps = positives
        negatives = samples.count - positives
        accepted = scored.filter { $0.isKTP && $0.probability >= threshold }.count
        falseAccepts = scored.filter { !$0.isKTP && $0.probability >= threshold }.count
    }

    /// The midpoint between two neighbouring probabilities that maximises accepted KTPs less
    /// ``falseAcceptCost`` per false accept; of equals, the one with the widest gap on either side.
    static func threshold(_ scored: [(probability: Double, isKTP: Bool)]) -> Double {
        let sorted = Set(scored.map(\.probability)).sorted()
        let candidates = zip(sorted, sorted.dropFirst()).map { (value: ($0 + $1) / 2, gap: $1 - $0) }
        guard !candidates.isEmpty else { return 0.5 }
        func gain(_ threshold: Double) -> Int {
            scored.filter { $0.probability >= threshold }.reduce(0) { $0 + ($1.isKTP ? 1 : -falseAcceptCost) }
        }
        return candidates.max { (gain($0.value), $0.gap) < (gain($1.value), $1.gap) }!.value
    }

    public func markdown() -> String {
        var out = "| feature | weight |\n|---|--:|\n"
        for (name, weight) in zip(CardEvidence.featureNames, model.weights) {
            out += "| \(name) | \(String(format: "%.3f", weight)) |\n"
        }
        out += "| bias | \(String(format: "%.3f", model.bias)) |\n\n"
        out += "Threshold \(String(format: "%.4f", model.threshold)): \(accepted) of \(ktps) KTPs and "
        out += "\(falseAccepts) of \(negatives) other photos accepted.\n\n"
        let weights = model.weights.map { String(format: "%.3f", $0) }.joined(separator: ", ")
        out += "```swift\nDetectionModel(weights: [\(weights)], bias: \(String(format: "%.3f", model.bias)), "
        out += "threshold: \(String(format: "%.4f", model.threshold)))\n```\n"
        return out
    }
}

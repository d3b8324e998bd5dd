import KTPContract
import KTPVision

/// Chooses each quality threshold to maximise F1 on scored photos with known flags.
/// `docs/calibration.md` records a run of it.
public struct QualityCalibration: Sendable {
    /// One flag's chosen threshold, the F1 it reaches, and the score ranges on each side.
    public struct Choice: Sendable, Hashable {
        public var flag: QualityFlag
        public var threshold: Double
        public var f1: Double
        public var positives: ClosedRange<Double>?
        public var negatives: ClosedRange<Double>?
    }

    public var choices: [Choice]

    public init(samples: [(scores: QualityScores, truth: ImageQuality)]) {
        choices = QualityFlag.allCases.map { flag in
            let values = samples.map { (score: flag.score(in: $0.scores), truth: flag.isSet(in: $0.truth)) }
            return Self.choose(flag, values)
        }
    }

    /// The thresholds as a value the engine takes.
    public var thresholds: QualityThresholds {
        func threshold(_ flag: QualityFlag) -> Double { choices.first { $0.flag == flag }?.threshold ?? 0 }
        return QualityThresholds(
            sharpness: threshold(.blur), brightness: threshold(.dark),
            glare: threshold(.flashlight), chroma: threshold(.grayscale))
    }

    private static func choose(_ flag: QualityFlag, _ values: [(score: Double, truth: Bool)]) -> Choice {
        let sorted = Set(values.map(\.score)).sorted()
        let candidates = zip(sorted, sorted.dropFirst()).map { ($0 + $1) / 2 }
        var best = (threshold: sorted.first ?? 0, f1: -1.0)
        for candidate in candidates {
            let outcomes = values.map {
                (truth: $0.truth, predicted: flag.fires(score: $0.score, threshold: candidate))
            }
            let f1 = PrecisionRecall(outcomes).f1 ?? 0
            if f1 > best.f1 { best = (candidate, f1) }
        }
        func range(_ truth: Bool) -> ClosedRange<Double>? {
            let scores = values.filter { $0.truth == truth }.map(\.score)
            guard let low = scores.min(), let high = scores.max() else { return nil }
            return low...high
        }
        return Choice(
            flag: flag, threshold: best.threshold, f1: max(best.f1, 0), positives: range(true),
            negatives: range(false))
    }

    public func markdown() -> String {
        var out = "| flag | score | fires when | threshold | F1 | flagged photos | unflagged photos |\n"
        out += "|---|---|---|--:|--:|---|---|\n"
        for choice in choices {
            func show(_ range: ClosedRange<Double>?) -> String {
                range.map { String(format: "%.4g … %.4g", $0.lowerBound, $0.upperBound) } ?? "–"
            }
            out +=
                "| \(choice.flag.rawValue) | \(choice.flag.scoreName) | \(choice.flag.firesBelow ? "below" : "above") "
                + String(format: "| %.4g | %.3f ", choice.threshold, choice.f1)
                + "| \(show(choice.positives)) | \(show(choice.negatives)) |\n"
        }
        return out
    }
}

extension QualityFlag {
    /// The score behind the flag.
    func score(in scores: QualityScores) -> Double {
        switch self {
        case .blur: scores.sharpness
        case .dark: scores.brightness
        case .flashlight: scores.glare
        case .grayscale: scores.chroma
        }
    }

    var scoreName: String {
        switch self {
        case .blur: "sharpness"
        case .dark: "brightness"
        case .flashlight: "glare"
        case .grayscale: "chroma"
        }
    }

    /// Blur, dark and grayscale fire on low scores; flashlight on a high one.
    var firesBelow: Bool { self != .flashlight }

    func fires(score: Double, threshold: Double) -> Bool {
        firesBelow ? score < threshold : score > threshold
    }
}

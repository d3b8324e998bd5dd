import KTPContract

/// A capture condition of the data set: `clean`, or a combination of B (blur), D (dark),
/// F (flashlight) and G (grayscale) in that letter order.
public struct PhotoCondition: Sendable, Hashable, CustomStringConvertible {
    public let quality: ImageQuality

    /// `clean`, `B`, `BD`, …; the form used in file names and in `truth.jsonl`.
    public var code: String { quality.conditionCode.isEmpty ? "clean" : quality.conditionCode }
    public var description: String { code }

    public init(quality: ImageQuality) {
        self.quality = quality
    }

    /// Parses a code; letters must be in canonical order (`BD`, not `DB`) so that each condition
    /// has exactly one spelling in file names and ground truth.
    public init(code: String) throws(SynthError) {
        if code == "clean" {
            self.init(quality: ImageQuality())
            return
        }
        guard !code.isEmpty, let quality = ImageQuality(conditionCode: code), quality.conditionCode == code else {
            throw SynthError(.unknownCondition, "'\(code)' (use clean or letters from BDFG in that order)")
        }
        self.init(quality: quality)
    }

    /// The ten conditions of the standard data set.
    public static let standard: [PhotoCondition] = ["clean", "B", "D", "F", "G", "BD", "BF", "BG", "DG", "FG"].map {
        try! PhotoCondition(code: $0)  // Literal codes in canonical order; cannot fail.
    }
}

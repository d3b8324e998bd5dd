import KTPContract
import KTPVision

/// One photo of a benchmark run: what was true, what the engine said, and how long it took.
public struct BenchmarkSample: Sendable, Hashable {
    /// `clean`, a flag code such as `BD`, or `negative:<kind>`.
    public var condition: String
    public var isKTP: Bool
    public var truthFields: KTPFields
    public var truthQuality: ImageQuality?
    /// Fields that glare physically washed out; they are not counted.
    public var washedOut: Set<FieldKey>

    public var detected: Bool
    public var fields: KTPFields?
    public var quality: ImageQuality
    /// The measurements behind `quality`, for calibration.
    public var scores: QualityScores?
    /// What the engine's reading showed of a KTP, for calibrating detection.
    public var evidence: CardEvidence?
    public var seconds: Double
    /// One plain `tesseract` CLI run on the same photo, when measured.
    public var baselineSeconds: Double?
    /// The same run with OpenMP held to one thread (`OMP_THREAD_LIMIT=1`), when measured.
    public var singleThreadBaselineSeconds: Double?

    public init(
        condition: String, isKTP: Bool, truthFields: KTPFields, truthQuality: ImageQuality?, washedOut: Set<FieldKey>,
        detected: Bool, fields: KTPFields?, quality: ImageQuality, scores: QualityScores? = nil,
        evidence: CardEvidence? = nil, seconds: Double,
        baselineSeconds: Double?, singleThreadBaselineSeconds: Double? = nil
    ) {
        self.condition = condition
        self.isKTP = isKTP
        self.truthFields = truthFields
        self.truthQuality = truthQuality
        self.washedOut = washedOut
        self.detected = detected
        self.fields = fields
        self.quality = quality
        self.scores = scores
        self.evidence = evidence
        self.seconds = seconds
        self.baselineSeconds = baselineSeconds
        self.singleThreadBaselineSeconds = singleThreadBaselineSeconds
    }

    /// The keys scored on this photo: all seventeen, less those washed out.
    var scoredKeys: [FieldKey] { FieldKey.allCases.filter { !washedOut.contains($0) } }

    func isCorrect(_ key: FieldKey) -> Bool {
        guard let fields else { return false }
        return fields[key] == truthFields[key]
    }
}

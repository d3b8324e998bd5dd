import KTPContract

/// The figures for one group of samples (a condition, or all of them).
public struct BenchmarkSummary: Sendable, Hashable {
    public var name: String
    public var photos: Int
    public var cards: Int
    /// Shares in [0, 1]; `nil` where the group has nothing to measure. Fields washed out by glare
    /// are not counted, the NIK included.
    public var nikExact: Double?
    public var meanFieldExact: Double?
    /// The same two shares with washed-out fields counted as misses: what a user would see.
    public var nikExactCountingWashedOut: Double?
    public var meanFieldExactCountingWashedOut: Double?
    public var fieldAccuracy: [FieldKey: Double]
    public var detectionAccuracy: Double
    /// Photos that are not a KTP but were read as one.
    public var falseAccepts: Int
    public var flags: [QualityFlag: PrecisionRecall]
    public var medianSeconds: Double
    public var p90Seconds: Double
    public var baselineMedianSeconds: Double?
    public var singleThreadBaselineMedianSeconds: Double?

    /// Ours over the plain CLI run, median to median.
    public var timeRatio: Double? { Self.ratio(medianSeconds, baselineMedianSeconds) }

    /// Ours over the single-threaded CLI run, median to median.
    public var singleThreadTimeRatio: Double? { Self.ratio(medianSeconds, singleThreadBaselineMedianSeconds) }

    private static func ratio(_ ours: Double, _ theirs: Double?) -> Double? {
        theirs.flatMap { $0 > 0 ? ours / $0 : nil }
    }

    public init(name: String, samples: [BenchmarkSample]) {
        self.name = name
        photos = samples.count
        let cards = samples.filter(\.isKTP)
        self.cards = cards.count
        nikExact = Self.share(cards.filter { !$0.washedOut.contains(.nik) }) { $0.isCorrect(.nik) }
        nikExactCountingWashedOut = Self.share(cards) { $0.isCorrect(.nik) }
        meanFieldExact = Self.meanFieldShare(cards, keys: \.scoredKeys)
        meanFieldExactCountingWashedOut = Self.meanFieldShare(cards) { _ in FieldKey.allCases }
        var accuracy: [FieldKey: Double] = [:]
        for key in FieldKey.allCases {
            let scored = cards.filter { !$0.washedOut.contains(key) }
            accuracy[key] = Self.share(scored) { $0.isCorrect(key) }
        }
        fieldAccuracy = accuracy
        detectionAccuracy = Self.share(samples) { $0.detected == $0.isKTP } ?? 0
        falseAccepts = samples.filter { !$0.isKTP && $0.detected }.count
        var flags: [QualityFlag: PrecisionRecall] = [:]
        for flag in QualityFlag.allCases {
            flags[flag] = PrecisionRecall(
                // Photos whose truth does not say how they were taken are not scored for flags.
                samples.compactMap { sample in
                    sample.truthQuality.map { (truth: flag.isSet(in: $0), predicted: flag.isSet(in: sample.quality)) }
                })
        }
        self.flags = flags
        let times = samples.map(\.seconds).sorted()
        medianSeconds = Self.quantile(times, 0.5)
        p90Seconds = Self.quantile(times, 0.9)
        baselineMedianSeconds = Self.median(samples.compactMap(\.baselineSeconds))
        singleThreadBaselineMedianSeconds = Self.median(samples.compactMap(\.singleThreadBaselineSeconds))
    }

    private static func meanFieldShare(_ cards: [BenchmarkSample], keys: (BenchmarkSample) -> [FieldKey]) -> Double? {
        guard !cards.isEmpty else { return nil }
        let shares = cards.map { sample in
            let scored = keys(sample)
            return Double(scored.filter(sample.isCorrect).count) / Double(max(1, scored.count))
        }
        return shares.reduce(0, +) / Double(cards.count)
    }

    private static func share(_ samples: [BenchmarkSample], _ predicate: (BenchmarkSample) -> Bool) -> Double? {
        samples.isEmpty ? nil : Double(samples.filter(predicate).count) / Double(samples.count)
    }

    private static func median(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : quantile(values.sorted(), 0.5)
    }

    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let position = q * Double(sorted.count - 1)
        let low = Int(position.rounded(.down)), high = Int(position.rounded(.up))
        return sorted[low] + (sorted[high] - sorted[low]) * (position - Double(low))
    }
}

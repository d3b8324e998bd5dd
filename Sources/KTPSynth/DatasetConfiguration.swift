/// What a data set holds: how many photos, from which seed, under which conditions, and from which
/// variant pools (faces, blur kinds, layouts) so that some can be held back from development.
public struct DatasetConfiguration: Sendable, Hashable {
    public var count: Int
    public var seed: UInt64
    /// KTP photos cycle through these evenly; negatives draw from them at random.
    public var conditions: [PhotoCondition]
    /// The share of photos that are not KTPs, in `[0, 1]`.
    public var negativeFraction: Double
    /// The faces, blur kinds and layouts photos draw from; the development profile's unless told.
    public var pools: VariantPools

    public init(
        count: Int, seed: UInt64, conditions: [PhotoCondition] = PhotoCondition.standard,
        negativeFraction: Double = 0.15, pools: VariantPools = GeneratorProfile.development.pools
    ) {
        precondition(!conditions.isEmpty, "a data set needs at least one condition")
        precondition((0...1).contains(negativeFraction), "the negative fraction is a share")
        self.count = count
        self.seed = seed
        self.conditions = conditions
        self.negativeFraction = negativeFraction
        self.pools = pools
    }

    /// Whether photo `index` is a negative. Negatives are spread evenly (no randomness), so any
    /// prefix of a data set has about the right share of them.
    public func isNegative(_ index: Int) -> Bool {
        negativesBefore(index + 1) > negativesBefore(index)
    }

    /// How many of the photos `0..<index` are negatives.
    public func negativesBefore(_ index: Int) -> Int {
        Int((Double(index) * negativeFraction).rounded(.down))
    }
}

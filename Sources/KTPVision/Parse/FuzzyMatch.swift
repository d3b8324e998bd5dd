/// The closest candidate to a reading and how close it was, in [0, 1].
public struct FuzzyMatch: Sendable, Hashable {
    /// The candidate as given (not its comparison key).
    public var value: String
    public var similarity: Double

    public init(value: String, similarity: Double) {
        self.value = value
        self.similarity = similarity
    }
}

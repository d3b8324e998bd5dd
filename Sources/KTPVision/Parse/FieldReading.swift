/// One normalised field value with its confidence in [0, 1]; `""` with 0 when unread.
struct FieldReading: Sendable, Hashable {
    var value: String
    var confidence: Double

    static let unread = FieldReading(value: "", confidence: 0)

    init(value: String, confidence: Double) {
        self.value = value
        self.confidence = value.isEmpty ? 0 : min(1, max(0, confidence))
    }
}

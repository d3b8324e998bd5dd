/// How validation turns an OCR confidence into a field confidence, in one place so that
/// every field is scored alike.
enum Confidence {
    /// A reading snapped to a closed list or the region table: an exact hit is trusted
    /// even when the OCR was unsure; a fuzzy one is scaled by its similarity.
    static func snapped(ocr: Double, similarity: Double) -> Double {
        clamp((0.8 + 0.2 * clamp(ocr)) * similarity * similarity)
    }

    /// A reading that should have matched a closed list but did not.
    static func unmatched(ocr: Double) -> Double {
        min(0.3, clamp(ocr) * 0.4)
    }

    /// A value that had to be repaired: kept, but below anything read cleanly.
    static let repairFactor = 0.7

    static func clamp(_ value: Double) -> Double {
        min(1, max(0, value))
    }
}

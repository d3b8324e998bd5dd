/// A printing variant of the card's layout. The raw value names it in `--layouts` and in the
/// `layout` key of `truth.jsonl`; ``CardGeometry/of(_:)`` holds each one's measurements.
public enum LayoutVariant: String, Sendable, Hashable, CaseIterable, Codable {
    /// The national layout as most cards print it.
    case a
    /// A compact print: smaller text, tighter rows, the value column further left.
    case b
    /// A roomy print: larger text, the value column further right, the photo lower.
    case c
}

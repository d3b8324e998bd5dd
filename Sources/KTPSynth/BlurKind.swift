/// How a blurred photo is blurred. The raw value names it in `--blur-kinds` and in the
/// `blur_kind` key of `truth.jsonl`; all of them are the condition letter B.
public enum BlurKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// Gaussian: a soft, slightly misfocused lens.
    case gaussian
    /// A straight streak at any angle: the hand moved while the shutter was open.
    case motion
    /// A uniform disc: the lens focused in front of or behind the card.
    case defocus
}

import KTPContract

/// What a sandbox `image` code stands for.
public enum SandboxImage: Sendable, Hashable {
    /// The specimen card, photographed with these flags.
    case specimen(ImageQuality)
    /// A photo with no KTP in it.
    case notDetected
}

/// The contract's `image_quality` flags.
public struct ImageQuality: Sendable, Hashable, Codable {
    public var blur: Bool
    public var dark: Bool
    public var flashlight: Bool
    public var grayscale: Bool

    public init(blur: Bool = false, dark: Bool = false, flashlight: Bool = false, grayscale: Bool = false) {
        self.blur = blur
        self.dark = dark
        self.flashlight = flashlight
        self.grayscale = grayscale
    }

    /// Whether `validate_quality` fails on these flags. Grayscale is reported but never fails.
    public var failsValidation: Bool { blur || dark || flashlight }

    /// Flags from a condition code such as `BD` or `FG` (B blur, D dark, F flashlight, G grayscale).
    public init?(conditionCode: String) {
        self.init()
        for letter in conditionCode {
            switch letter {
            case "B": blur = true
            case "D": dark = true
            case "F": flashlight = true
            case "G": grayscale = true
            default: return nil
            }
        }
    }

    /// The condition code of these flags, `""` when none is set.
    public var conditionCode: String {
        (blur ? "B" : "") + (dark ? "D" : "") + (flashlight ? "F" : "") + (grayscale ? "G" : "")
    }
}

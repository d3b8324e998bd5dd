import KTPContract

/// The four quality flags, for iterating over them in reports.
public enum QualityFlag: String, Sendable, Hashable, CaseIterable {
    case blur, dark, flashlight, grayscale

    public func isSet(in quality: ImageQuality) -> Bool {
        switch self {
        case .blur: quality.blur
        case .dark: quality.dark
        case .flashlight: quality.flashlight
        case .grayscale: quality.grayscale
        }
    }
}

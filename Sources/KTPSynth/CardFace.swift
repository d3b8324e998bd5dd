/// A sans-serif face the card's labels and values can be set in. The raw value names it in
/// `--fonts` and in the `font` key of `truth.jsonl`.
public enum CardFace: String, Sendable, Hashable, CaseIterable, Codable {
    /// Liberation Sans: Arial's metrics, the nearest to the national printers' face.
    case liberation
    case dejavu
    case freesans
    /// Nimbus Sans: a Helvetica design, Arial-like in shape, with other metrics.
    case nimbus

    /// The fontconfig family Cairo asks for.
    public var family: String {
        switch self {
        case .liberation: "Liberation Sans"
        case .dejavu: "DejaVu Sans"
        case .freesans: "FreeSans"
        case .nimbus: "Nimbus Sans"
        }
    }

    /// The Debian package that installs the face.
    public var debianPackage: String {
        switch self {
        case .liberation: "fonts-liberation2"
        case .dejavu: "fonts-dejavu-core"
        case .freesans: "fonts-freefont-ttf"
        case .nimbus: "fonts-urw-base35"
        }
    }

    /// The OCR-A family (Debian `fonts-ocr-a`), the NIK's face on most cards.
    public static let ocrAFamily = "OCRA"
}

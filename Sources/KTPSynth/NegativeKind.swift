/// The kinds of non-KTP images a data set mixes in, so a detector learns what a KTP is not.
public enum NegativeKind: String, Sendable, Hashable, CaseIterable, Codable {
    case studentID = "student_id"
    case bankCard = "bank_card"
    case drivingLicence = "driving_licence"
    case taxCard = "tax_card"
    case textPage = "text_page"
    case receipt
    case photo

    /// The drawing size in base pixels; cards share the KTP's ID-1 size, paper is portrait.
    public var baseSize: (width: Int, height: Int) {
        switch self {
        case .studentID, .bankCard, .drivingLicence, .taxCard: (CardRenderer.baseWidth, CardRenderer.baseHeight)
        case .textPage: (850, 1100)
        case .receipt: (440, 1000)
        case .photo: (0, 0)
        }
    }

    /// Whether it is a whole-frame picture rather than an object lying in the frame.
    public var fillsFrame: Bool { self == .photo }

    /// Whether it is a rounded plastic card.
    public var isCard: Bool {
        switch self {
        case .studentID, .bankCard, .drivingLicence, .taxCard: true
        default: false
        }
    }
}

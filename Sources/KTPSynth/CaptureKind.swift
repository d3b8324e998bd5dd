/// How a photo was taken: a flatbed scan cropped to the card, a phone photo, or a camera's full frame.
public enum CaptureKind: String, Sendable, Hashable, CaseIterable, Codable {
    case scan
    case phone
    case large

    /// Frame sizes, landscape; a photo turned by a quarter swaps them. Scans are sized to the card.
    public var frameSizes: [(Int, Int)] {
        switch self {
        case .scan: []
        case .phone: [(1280, 960), (1600, 1200), (1440, 1080), (1200, 900), (2000, 1500), (1920, 1080), (1600, 900)]
        case .large: [(4000, 3000), (3264, 2448), (4032, 3024)]
        }
    }

    /// The share of the frame the card covers.
    public var coverage: ClosedRange<Double> {
        switch self {
        case .scan: 0.72...0.95
        case .phone: 0.3...0.9
        case .large: 0.3...0.7
        }
    }

    /// Most photos are phone photos of a typical size; large frames are slow to encode, so few.
    static let weights: [(CaptureKind, Double)] = [(.scan, 0.12), (.phone, 0.83), (.large, 0.05)]
}

/// Where an extraction stands.
public enum ExtractionStatus: String, Sendable, Codable, Hashable, CaseIterable {
    case processing = "PROCESSING"
    case success = "SUCCESS"
    case failed = "FAILED"

    public var isTerminal: Bool { self != .processing }
}

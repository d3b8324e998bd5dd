import Foundation

/// One entry of a submission's timeline.
public struct LedgerEvent: Sendable, Hashable, Identifiable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case submitted
        case polled
        case callbackReceived = "callback_received"
        case statusChanged = "status_changed"
        case reprocessed
        case piiRevealed = "pii_revealed"
    }

    public var id: Int64
    public var submissionID: Int64
    public var at: Date
    public var kind: Kind
    /// A short human note, never personal data.
    public var detail: String
}

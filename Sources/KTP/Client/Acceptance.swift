/// The answer to an accepted submit.
public struct Acceptance: Sendable, Hashable {
    public var referenceID: String
    public var status: ExtractionStatus
    /// The submit was retried after a lost answer, and a result call confirmed the first attempt's acceptance.
    public var confirmedAfterRetry: Bool

    public init(referenceID: String, status: ExtractionStatus, confirmedAfterRetry: Bool = false) {
        self.referenceID = referenceID
        self.status = status
        self.confirmedAfterRetry = confirmedAfterRetry
    }
}

/// What became of one scheduled submit.
public struct SubmitOutcome: Sendable, Hashable {
    public enum Answer: Sendable, Hashable {
        /// An HTTP answer, with the contract's `error_code` when the body carried one.
        case status(Int, errorCode: String?)
        /// No HTTP answer: the connection failed or the request timed out.
        case transportError(String)
    }

    public var answer: Answer
    /// From the time the request was due to the end of its answer.
    public var latency: Duration

    public init(_ answer: Answer, latency: Duration) {
        self.answer = answer
        self.latency = latency
    }

    /// A 2xx answer: the server took the photo.
    public var isAccepted: Bool {
        if case .status(let code, _) = answer { return (200..<300).contains(code) }
        return false
    }
}

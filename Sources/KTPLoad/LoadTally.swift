/// The outcomes of a run, folded as they arrive.
public struct LoadTally: Sendable, Hashable {
    /// Latencies of the accepted (2xx) submits.
    public private(set) var acceptedLatencies: [Duration] = []
    /// Non-2xx answers by status and error code (`"400 INVALID_PAYLOAD_IMAGE_SIZE"`), and
    /// transport errors by description (`"error: …"`).
    public private(set) var refusals: [String: Int] = [:]
    /// The latest answer, from the start of the run: the accept phase's length.
    public private(set) var lastAnswer: Duration = .zero

    public init() {}

    public var sent: Int { acceptedLatencies.count + refusals.values.reduce(0, +) }

    /// Records `outcome` of the submit due at `due` after the start.
    public mutating func record(_ outcome: SubmitOutcome, due: Duration) {
        lastAnswer = max(lastAnswer, due + outcome.latency)
        switch outcome.answer {
        case .status where outcome.isAccepted:
            acceptedLatencies.append(outcome.latency)
        case .status(let code, let errorCode):
            refusals["\(code)\(errorCode.map { " \($0)" } ?? "")", default: 0] += 1
        case .transportError(let description):
            refusals["error: \(description)", default: 0] += 1
        }
    }

    /// Accepted submits per second over the accept phase.
    public var acceptedPerSecond: Double {
        let seconds = lastAnswer.seconds
        return seconds > 0 ? Double(acceptedLatencies.count) / seconds : 0
    }
}

extension Duration {
    /// This duration in (fractional) seconds.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }

    /// This duration in (fractional) milliseconds.
    var milliseconds: Double { seconds * 1000 }
}

/// How a result reached the ledger.
public enum ResultSource: String, Sendable, Hashable {
    case poll
    case callback
}

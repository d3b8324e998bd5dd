/// A JSON value that keeps its exact type, so `true` and `1`, or `null` and a missing key,
/// stay apart as the contract's check 1 requires.
enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])
}

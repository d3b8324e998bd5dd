/// The message line's text: the outcome of the last action.
struct StatusMessage: Equatable {
    var text: String
    var isError: Bool

    static func info(_ text: String) -> StatusMessage { StatusMessage(text: text, isError: false) }
    static func error(_ text: String) -> StatusMessage { StatusMessage(text: text, isError: true) }
}

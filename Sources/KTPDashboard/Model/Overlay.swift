/// What covers the screen and takes the keys first.
enum Overlay: Equatable {
    case help
    case confirm(Confirmation)
}

/// The line being typed at the bottom.
enum Prompt: Equatable {
    /// `/`: the text is the state's filter, applied as it is typed.
    case filter
    /// `:`: the command typed so far.
    case command(String)
}

/// What a cell shows, which a theme turns into colours. The raw values are the theme files' keys.
public enum StyleRole: String, CaseIterable, Sendable {
    case text
    case dim
    /// The top bar.
    case header
    /// The product name and the live/paused badge in the top bar.
    case headerAccent = "header-accent"
    case tab
    case tabActive = "tab-active"
    case columnHeader = "column-header"
    case border
    /// The selected row.
    case selected
    /// A row marked with space.
    case marked
    case pending
    case complete
    case failed
    /// A set quality flag.
    case flag
    /// An error code.
    case error
    /// The failed view's group header: an error code and its explanation.
    case groupHeader = "group-header"
    /// A field label in the detail pane.
    case label
    /// Personal data shown unmasked after `m`.
    case revealed
    /// A pane's or an overlay's title.
    case title
    /// Help text.
    case help
    /// A key in the help overlay and the confirmation.
    case helpKey = "help-key"
    /// The `/` and `:` prompts.
    case prompt
    case message
    case messageError = "message-error"
    case sparkline
    case confidenceHigh = "confidence-high"
    case confidenceMid = "confidence-mid"
    case confidenceLow = "confidence-low"
    /// Actions refused in read-only mode.
    case disabled
    /// The key hints line.
    case footer
    case footerKey = "footer-key"
}

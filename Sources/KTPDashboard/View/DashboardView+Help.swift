extension DashboardView {
    /// The help overlay: enough to triage and reprocess a failed extraction without other docs.
    static func drawHelp(_ context: RenderContext, into grid: inout CellGrid) {
        let lines = HelpText.lines(readOnly: context.state.readOnly, glyphs: context.glyphs)
        let width = min(grid.columns - 4, HelpText.width + 4)
        let height = min(grid.rows - 2, lines.count + 2)
        let rect = Rect(x: (grid.columns - width) / 2, y: (grid.rows - height) / 2, width: width, height: height)
        grid.box(rect, title: "ktp dashboard: help (theme \(context.state.themeName))", glyphs: context.glyphs)
        for (offset, line) in lines.prefix(height - 2).enumerated() {
            grid.write(
                line, at: rect.x + 2, rect.y + 1 + offset, width: rect.width - 4, ellipsis: context.glyphs.ellipsis)
        }
        let close = " esc closes "
        grid.write(close, at: rect.maxX - close.count - 2, rect.maxY - 1, width: close.count, role: .dim)
    }

    static func drawConfirmation(_ confirmation: Confirmation, _ context: RenderContext, into grid: inout CellGrid) {
        let state = context.state
        let count = confirmation.ids.count
        let noun = count == 1 ? "submission" : "submissions"
        let what: String =
            switch confirmation.scope {
            case .selected(let reference): "Reprocess \(reference)?"
            case .marked: "Reprocess the \(count) marked \(noun)?"
            case .view(let tab, let filter):
                "Reprocess all \(count) " + (tab == .all ? "" : tab.title.lowercased() + " ") + noun
                    + (filter.isEmpty ? " in this view?" : " matching \"\(filter)\"?")
            }
        let width = min(grid.columns - 4, 60)
        let inner = width - 4
        var lines: [[Span]] = [[]]
        lines += TextWrap.lines(what, width: inner).map { [Span($0, .title)] }
        lines.append([
            Span("validate_quality ", .help), Span(state.validateQuality.title, .prompt),
            Span("   (v changes it)", .dim),
        ])
        lines.append([])
        lines += TextWrap.lines(
            "Each photo is sent again under a new reference_id (REF-r1, -r2...); the original stays in the ledger.",
            width: inner
        ).map { [Span($0, .help)] }
        lines.append([])
        lines.append([
            Span("y", .helpKey), Span(" reprocess      ", .help), Span("n", .helpKey), Span(" cancel", .help),
        ])
        let height = lines.count + 2
        let rect = Rect(x: (grid.columns - width) / 2, y: (grid.rows - height) / 2, width: width, height: height)
        grid.box(rect, title: "Reprocess", glyphs: context.glyphs)
        for (offset, line) in lines.enumerated() {
            grid.write(line, at: rect.x + 2, rect.y + 1 + offset, width: inner, ellipsis: context.glyphs.ellipsis)
        }
    }
}

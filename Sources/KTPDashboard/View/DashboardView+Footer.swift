extension DashboardView {
    /// The prompt, else the last message, else the filter and the reprocess settings.
    static func drawStatus(_ context: RenderContext, into grid: inout CellGrid) {
        let state = context.state
        let rect = context.layout.status
        let ellipsis = context.glyphs.ellipsis
        switch state.prompt {
        case .filter:
            let count = "\(state.rowLineCount) \(state.rowLineCount == 1 ? "match" : "matches") "
            let used = grid.write(
                [Span(" /", .prompt), Span(state.filter, .text)], at: rect.x, rect.y,
                width: rect.width - count.count - 2, ellipsis: ellipsis)
            grid.cursor = GridPoint(column: rect.x + used, row: rect.y)
            grid.writeRight(count, in: rect, row: rect.y, role: .dim)
            return
        case .command(let text):
            let usage = DashboardCommand.usage + " "
            let used = grid.write(
                [Span(" :", .prompt), Span(text, .text)], at: rect.x, rect.y, width: rect.width, ellipsis: ellipsis)
            grid.cursor = GridPoint(column: rect.x + used, row: rect.y)
            if rect.width - used > usage.count + 2 { grid.writeRight(usage, in: rect, row: rect.y, role: .dim) }
            return
        case nil:
            break
        }
        if let message = state.message {
            grid.write(
                " " + message.text, at: rect.x, rect.y, width: rect.width,
                role: message.isError ? .messageError : .message, ellipsis: ellipsis)
            return
        }
        let sep = context.glyphs.separator
        var right = "v validate_quality: \(state.validateQuality.title)"
        if !state.marked.isEmpty { right += " \(sep) \(state.marked.count) marked" }
        if state.rowLineCount > 0 {
            let position = state.lines[..<min(state.selectedLine + 1, state.lines.count)].count { $0.rowIndex != nil }
            right += " \(sep) \(position)/\(state.rowLineCount)"
        }
        right += " "
        let rightWidth = grid.writeRight(right, in: rect, row: rect.y, role: .dim)
        if !state.filter.isEmpty {
            grid.write(
                [Span(" filter ", .dim), Span(state.filter, .prompt), Span(" (/ edits, Esc clears)", .dim)],
                at: rect.x, rect.y, width: rect.width - rightWidth - 1, ellipsis: ellipsis)
        }
    }

    /// Key hints for what the keys do now; actions read-only refuses are greyed out; `q` stays at the right.
    static func drawFooter(_ context: RenderContext, into grid: inout CellGrid) {
        let state = context.state
        let rect = context.layout.footer
        grid.fill(rect, role: .footer)
        let hints = FooterHint.hints(for: state, glyphs: context.glyphs)
        let quit = hints.last { $0.key == "q" }
        var x = rect.x + 1
        let limit = rect.maxX - (quit.map { $0.width + 1 } ?? 0)
        for hint in hints where hint.key != "q" {
            guard x + hint.width <= limit else { break }
            draw(hint, at: x, rect.y, readOnly: state.readOnly, into: &grid)
            x += hint.width + 2
        }
        if let quit { draw(quit, at: rect.maxX - quit.width - 1, rect.y, readOnly: state.readOnly, into: &grid) }
    }

    private static func draw(_ hint: FooterHint, at x: Int, _ y: Int, readOnly: Bool, into grid: inout CellGrid) {
        let disabled = readOnly && hint.writes
        let used = grid.write(hint.key, at: x, y, width: hint.key.count, role: disabled ? .disabled : .footerKey)
        grid.write(" " + hint.label, at: x + used, y, width: hint.label.count + 1, role: disabled ? .disabled : .footer)
    }
}

/// One key hint of the footer.
struct FooterHint: Equatable {
    var key: String
    var label: String
    /// Refused in read-only mode.
    var writes = false

    var width: Int { key.count + 1 + label.count }

    static func hints(for state: DashboardState, glyphs: GlyphSet) -> [FooterHint] {
        let arrows = "\(glyphs.arrowUp)\(glyphs.arrowDown)"
        switch state.overlay {
        case .help:
            return [FooterHint(key: "esc", label: "close help"), FooterHint(key: "q", label: "close")]
        case .confirm:
            return [
                FooterHint(key: "y", label: "reprocess"), FooterHint(key: "n", label: "cancel"),
                FooterHint(key: "v", label: "validate_quality"),
            ]
        case nil:
            break
        }
        switch state.prompt {
        case .filter:
            return [
                FooterHint(key: "enter", label: "keep filter"), FooterHint(key: "esc", label: "clear"),
                FooterHint(key: arrows, label: "move"),
            ]
        case .command:
            return [FooterHint(key: "enter", label: "run"), FooterHint(key: "esc", label: "cancel")]
        case nil:
            break
        }
        let reprocess = FooterHint(key: "r", label: "reprocess", writes: true)
        let reveal = FooterHint(key: "m", label: "reveal", writes: true)
        let validate = FooterHint(key: "v", label: "validate_quality", writes: true)
        if state.detailOpen && !state.isSplit {
            return [
                FooterHint(key: "esc", label: "back"), FooterHint(key: arrows, label: "prev/next"), reprocess,
                validate, reveal, FooterHint(key: "?", label: "help"), FooterHint(key: "q", label: "quit"),
            ]
        }
        // Most useful first: what does not fit is in the help.
        return [
            FooterHint(key: "?", label: "help"), FooterHint(key: "enter", label: "detail"),
            FooterHint(key: "/", label: "filter"), reprocess, FooterHint(key: "R", label: "batch", writes: true),
            FooterHint(key: "space", label: "mark"), reveal, FooterHint(key: "s", label: "sort"),
            FooterHint(key: "p", label: state.paused ? "resume" : "pause"), FooterHint(key: ":", label: "cmd"),
            validate, FooterHint(key: "q", label: "quit"),
        ]
    }
}

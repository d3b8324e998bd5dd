import KTP

extension DashboardView {
    /// Two columns (fields left, the rest right) from this width; one column below it.
    static let detailTwoColumnWidth = 78

    static func drawSplitDetail(_ context: RenderContext, into grid: inout CellGrid) {
        let rect = context.layout.splitDetail
        grid.fill(
            Rect(x: rect.x - 1, y: rect.y, width: 1, height: rect.height), role: .border,
            character: context.glyphs.vertical)
        guard context.state.selectedID != nil else {
            grid.write("select a row to see it here", at: rect.x + 2, rect.y + 1, width: rect.width - 3, role: .dim)
            return
        }
        drawDetail(context, in: rect, into: &grid)
    }

    static func drawDetail(_ context: RenderContext, in rect: Rect, into grid: inout CellGrid) {
        let state = context.state
        guard let summary = state.selected else { return }
        let detail = state.detail.flatMap { $0.submission.id == summary.id ? $0 : nil }
        let sections = DetailSections(
            summary: summary, detail: detail, revealed: state.revealedID == summary.id, glyphs: context.glyphs,
            timeZone: state.timeZone, now: state.now)
        let inner = Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: rect.height)
        let ellipsis = context.glyphs.ellipsis
        grid.write(sections.title, at: inner.x, inner.y, width: inner.width, ellipsis: ellipsis)
        grid.write(sections.subtitle, at: inner.x, inner.y + 1, width: inner.width, ellipsis: ellipsis)
        // A blank line under the title when there is room; 80x24 needs every line for the 17 fields.
        let gap = inner.height > 24 ? 3 : 2
        let body = Rect(x: inner.x, y: inner.y + gap, width: inner.width, height: inner.height - gap)
        // Without fields the left column would stand empty: the error and timeline get the whole width.
        if inner.width >= detailTwoColumnWidth, sections.hasFields {
            let leftWidth = inner.width * 55 / 100
            let left = Rect(x: body.x, y: body.y, width: leftWidth, height: body.height)
            let right = Rect(
                x: body.x + leftWidth + 2, y: body.y, width: body.width - leftWidth - 2, height: body.height)
            write(sections.fields(width: left.width), in: left, ellipsis: ellipsis, into: &grid)
            write(sections.aside(width: right.width, height: right.height), in: right, ellipsis: ellipsis, into: &grid)
        } else {
            let fields = sections.fields(width: body.width) + [[]]
            let aside = sections.aside(width: body.width, height: body.height - fields.count)
            write(fields + aside, in: body, ellipsis: ellipsis, into: &grid)
        }
    }

    private static func write(_ lines: [[Span]], in rect: Rect, ellipsis: Character, into grid: inout CellGrid) {
        for (offset, line) in lines.prefix(rect.height).enumerated() {
            grid.write(line, at: rect.x, rect.y + offset, width: rect.width, ellipsis: ellipsis)
        }
    }
}

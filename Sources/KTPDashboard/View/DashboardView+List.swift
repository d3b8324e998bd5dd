import KTP

extension DashboardView {
    static func drawList(_ context: RenderContext, into grid: inout CellGrid) {
        let state = context.state
        let rect = context.layout.list
        let columns = ListColumns(x: rect.x, width: rect.width)
        drawColumnHeader(columns, context, into: &grid)
        guard !state.lines.isEmpty else {
            drawEmptyList(context, into: &grid)
            return
        }
        let end = min(state.lines.count, state.top + rect.height)
        for (offset, lineIndex) in (state.top..<end).enumerated() {
            let row = rect.y + offset
            switch state.lines[lineIndex] {
            case .group(let code, let count):
                drawGroupHeader(code, count: count, row: row, context, into: &grid)
            case .row(let index):
                drawRow(
                    state.store[index], selected: lineIndex == state.selectedLine, row: row, columns, context,
                    into: &grid)
            }
        }
        drawScrollHint(context, into: &grid)
    }

    private static func drawColumnHeader(_ columns: ListColumns, _ context: RenderContext, into grid: inout CellGrid) {
        let rect = context.layout.columnHeader
        let y = rect.y
        let role = StyleRole.columnHeader
        grid.fill(rect, role: role)
        grid.write("REFERENCE", at: columns.reference, y, width: columns.referenceWidth, role: role)
        grid.write(" AGE", at: columns.age, y, width: ListColumns.ageWidth, role: role)
        grid.write(" TOOK", at: columns.time, y, width: ListColumns.timeWidth, role: role)
        grid.write("NAME", at: columns.name, y, width: columns.nameWidth, role: role)
        grid.write("NIK", at: columns.nik, y, width: ListColumns.nikWidth, role: role)
        grid.write("QUAL", at: columns.flags, y, width: ListColumns.flagsWidth, role: role)
        grid.write("ERROR", at: columns.error, y, width: columns.errorWidth, role: role)
    }

    private static func drawRow(
        _ row: SubmissionSummary, selected: Bool, row y: Int, _ columns: ListColumns, _ context: RenderContext,
        into grid: inout CellGrid
    ) {
        let state = context.state
        let glyphs = context.glyphs
        let marked = state.marked.contains(row.id)
        let base: StyleRole = selected ? .selected : marked ? .marked : .text
        let muted: StyleRole = selected ? .selected : .dim
        func role(_ own: StyleRole) -> StyleRole { selected ? .selected : own }
        grid.fill(Rect(x: context.layout.list.x, y: y, width: context.layout.list.width, height: 1), role: base)
        if marked { grid.write(String(glyphs.mark), at: columns.mark, y, width: 1, role: role(.marked)) }
        grid.write(String(glyphs.status(row.state)), at: columns.status, y, width: 1, role: role(stateRole(row.state)))
        let reference = DisplayFormat.middleTruncated(
            row.referenceID, width: columns.referenceWidth, ellipsis: glyphs.ellipsis)
        grid.write(reference, at: columns.reference, y, width: columns.referenceWidth, role: base)
        let age = DisplayFormat.age(state.now.timeIntervalSince(row.submittedAt))
        grid.write(padLeft(age, ListColumns.ageWidth), at: columns.age, y, width: ListColumns.ageWidth, role: muted)
        if let took = row.processingTime {
            let text = padLeft(DisplayFormat.duration(took), ListColumns.timeWidth)
            grid.write(text, at: columns.time, y, width: ListColumns.timeWidth, role: base)
        }
        let revealed = state.revealedID == row.id
        let identity: StyleRole = revealed ? role(.revealed) : base
        if let name = row.fullName {
            grid.write(
                revealed ? name : Masking.maskName(name), at: columns.name, y, width: columns.nameWidth,
                role: identity, ellipsis: glyphs.ellipsis)
        }
        if let nik = row.nik {
            grid.write(
                revealed ? nik : Masking.maskNIK(nik), at: columns.nik, y, width: ListColumns.nikWidth,
                role: identity, ellipsis: glyphs.ellipsis)
        }
        if let quality = row.quality {
            drawFlags(quality, at: columns.flags, y, selected: selected, glyphs, into: &grid)
        }
        if let code = row.errorCode {
            let used = grid.write(
                code.rawValue, at: columns.error, y, width: columns.errorWidth, role: role(.error),
                ellipsis: glyphs.ellipsis)
            if columns.errorWidth - used > 12 {
                grid.write(
                    "  " + code.explanation, at: columns.error + used, y, width: columns.errorWidth - used,
                    role: muted, ellipsis: glyphs.ellipsis)
            }
        }
    }

    /// `B·F·`: a letter per set flag in its place, so the column reads without colour.
    static func drawFlags(
        _ quality: ImageQuality, at x: Int, _ y: Int, selected: Bool, _ glyphs: GlyphSet, into grid: inout CellGrid
    ) {
        let flags: [(Bool, Character)] = [
            (quality.blur, "B"), (quality.dark, "D"), (quality.flashlight, "F"), (quality.grayscale, "G"),
        ]
        for (offset, (set, letter)) in flags.enumerated() {
            grid[x + offset, y] = Cell(
                character: set ? letter : glyphs.flagUnset, role: selected ? .selected : set ? .flag : .dim)
        }
    }

    private static func drawGroupHeader(
        _ code: ErrorCode?, count: Int, row y: Int, _ context: RenderContext, into grid: inout CellGrid
    ) {
        let rect = context.layout.list
        grid.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), role: .groupHeader)
        let sep = context.glyphs.separator
        let text =
            code.map { " \($0.rawValue) (\(count)) \(sep) \($0.explanation)" } ?? " no error code (\(count))"
        grid.write(text, at: rect.x, y, width: rect.width, role: .groupHeader, ellipsis: context.glyphs.ellipsis)
    }

    private static func drawEmptyList(_ context: RenderContext, into grid: inout CellGrid) {
        let state = context.state
        let rect = context.layout.list
        let text: String
        if state.store.count == 0 {
            text = "no submissions yet: they appear here as they are sent"
        } else if !state.filter.isEmpty {
            text =
                "no \(state.tab == .all ? "" : state.tab.title.lowercased() + " ")rows match "
                + "\"\(state.filter)\" (Esc clears the filter)"
        } else {
            text = "no \(state.tab.title.lowercased()) submissions"
        }
        let column = rect.x + max(0, (rect.width - text.count) / 2)
        grid.write(
            text, at: column, rect.y + rect.height / 3, width: rect.maxX - column, role: .dim,
            ellipsis: context.glyphs.ellipsis)
    }

    /// Arrows on the header's right edge say there is more above or below.
    private static func drawScrollHint(_ context: RenderContext, into grid: inout CellGrid) {
        let state = context.state
        let rect = context.layout.columnHeader
        let above = state.top > 0
        let below = state.top + context.layout.list.height < state.lines.count
        guard above || below else { return }
        let hint = "\(above ? context.glyphs.arrowUp : " ")\(below ? context.glyphs.arrowDown : " ")"
        grid.write(hint, at: rect.maxX - 2, rect.y, width: 2, role: .columnHeader)
    }

    static func stateRole(_ state: SubmissionState) -> StyleRole {
        switch state {
        case .pending: .pending
        case .complete: .complete
        case .failed: .failed
        }
    }

    static func padLeft(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}

/// Renders a ``DashboardState`` into a ``CellGrid`` of the state's size. Pure: the same state gives the same grid.
public enum DashboardView {
    public static func render(_ state: DashboardState, glyphs: GlyphSet) -> CellGrid {
        var grid = CellGrid(columns: state.columns, rows: state.rows)
        guard DashboardLayout.fits(columns: state.columns, rows: state.rows) else {
            drawTooSmall(state, into: &grid)
            return grid
        }
        let context = RenderContext(
            state: state, glyphs: glyphs,
            layout: DashboardLayout(columns: state.columns, rows: state.rows, split: state.isSplit))
        drawTitle(context, into: &grid)
        drawSummary(context, into: &grid)
        if state.detailOpen, state.selectedID != nil, !state.isSplit {
            drawDetail(context, in: context.layout.fullDetail, into: &grid)
        } else {
            drawTabs(context, into: &grid)
            drawList(context, into: &grid)
            if state.isSplit { drawSplitDetail(context, into: &grid) }
        }
        drawStatus(context, into: &grid)
        if let overlay = state.overlay {
            // The screen stays visible behind an overlay, dimmed so the box stands out.
            grid.fill(Rect(x: 0, y: 0, width: grid.columns, height: grid.rows), role: .dim, keepingCharacters: true)
            switch overlay {
            case .help: drawHelp(context, into: &grid)
            case .confirm(let confirmation): drawConfirmation(confirmation, context, into: &grid)
            }
        }
        drawFooter(context, into: &grid)
        return grid
    }

    private static func drawTooSmall(_ state: DashboardState, into grid: inout CellGrid) {
        let lines = [
            ("terminal too small", StyleRole.messageError),
            (
                "need \(DashboardLayout.minimumColumns)x\(DashboardLayout.minimumRows), "
                    + "have \(state.columns)x\(state.rows)", .text
            ),
            ("enlarge the window, or press q to quit", .dim),
        ]
        let first = max(0, (state.rows - lines.count) / 2)
        for (offset, (text, role)) in lines.enumerated() {
            let column = max(0, (state.columns - text.count) / 2)
            grid.write(text, at: column, first + offset, width: state.columns - column, role: role)
        }
    }
}

/// What every part of a frame needs.
struct RenderContext {
    let state: DashboardState
    let glyphs: GlyphSet
    let layout: DashboardLayout
}

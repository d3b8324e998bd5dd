import KTP

extension DashboardView {
    /// ` ktp  host · app APP             ● LIVE 2s  14:02:11 `
    static func drawTitle(_ context: RenderContext, into grid: inout CellGrid) {
        let state = context.state
        let rect = context.layout.title
        grid.fill(rect, role: .header)
        let badge =
            state.paused
            ? " \(context.glyphs.paused) PAUSED" + (state.held.isEmpty ? " " : " \(state.held.count) held ")
            : " \(context.glyphs.live) LIVE \(state.refreshSeconds)s "
        let clock = " " + DisplayFormat.clock(state.now, in: state.timeZone) + " "
        let right = badge.count + clock.count
        grid.write(clock, at: rect.maxX - clock.count, rect.y, width: clock.count, role: .header)
        grid.write(
            badge, at: rect.maxX - right, rect.y, width: badge.count,
            role: state.paused ? .headerAccent : .header)
        let used = grid.write(" ktp ", at: rect.x, rect.y, width: rect.width - right, role: .headerAccent)
        let sep = context.glyphs.separator
        let host = state.api.map(DisplayFormat.host) ?? "starting\(context.glyphs.ellipsis)"
        let loading = " \(sep) loading the ledger (\(state.store.count))\(context.glyphs.ellipsis)"
        let origin =
            "  \(host) \(sep) app \(state.appID)"
            + (state.readOnly ? " \(sep) read-only" : "")
            + (state.isLoadingLedger ? loading : "")
        grid.write(
            origin, at: used, rect.y, width: rect.width - right - used - 1, role: .header,
            ellipsis: context.glyphs.ellipsis)
    }

    /// ` ○ 12 pending  ✓ 340 complete  ✗ 17 failed        throughput ▁▂▃▅▇ 4/min `
    static func drawSummary(_ context: RenderContext, into grid: inout CellGrid) {
        let state = context.state
        let glyphs = context.glyphs
        let rect = context.layout.summary
        var spans: [Span] = [Span(" ", .text)]
        for (index, stateKind) in [SubmissionState.pending, .complete, .failed].enumerated() {
            if index > 0 { spans.append(Span("   ", .text)) }
            let role: StyleRole = stateKind == .pending ? .pending : stateKind == .complete ? .complete : .failed
            spans.append(Span("\(glyphs.status(stateKind)) \(state.store.count(stateKind))", role))
            spans.append(Span(" \(stateKind.rawValue)", .dim))
        }
        let used = grid.write(spans, at: rect.x, rect.y, width: rect.width, ellipsis: glyphs.ellipsis)
        // The sparkline takes what is left, up to an hour, one cell per minute.
        let label = "throughput "
        let free = rect.width - used - 4
        let minutes = min(60, free - label.count - 8)
        guard minutes >= 5 else { return }
        let counts = state.store.throughput.recent(minutes, endingAt: state.now)
        let rate = " \(counts.last ?? 0)/min "
        let peak = max(1, counts.max() ?? 1)
        let levels = glyphs.sparks
        let line = String(
            counts.map { count in
                count == 0 ? levels[0] : levels[min(levels.count - 1, 1 + (count * (levels.count - 2)) / peak)]
            })
        let start = rect.maxX - rate.count - minutes - label.count
        grid.write(label, at: start, rect.y, width: label.count, role: .dim)
        grid.write(line, at: start + label.count, rect.y, width: minutes, role: .sparkline)
        grid.write(rate, at: rect.maxX - rate.count, rect.y, width: rate.count, role: .text)
    }

    /// ` 1 All 369   2 Pending 12   3 Complete 340   4 Failed 17            sort newest `
    static func drawTabs(_ context: RenderContext, into grid: inout CellGrid) {
        let state = context.state
        let rect = context.layout.tabs
        var spans: [Span] = []
        for tab in DashboardTab.allCases {
            let count = tab == .all ? state.store.count : state.store.count(tab.state!)
            // Brackets mark the current view without colour.
            let active = tab == state.tab
            spans.append(Span(active ? "[" : " ", .tabActive))
            spans.append(Span("\(tab.rawValue)", .helpKey))
            spans.append(Span(" \(tab.title) \(count)", active ? .tabActive : .tab))
            spans.append(Span(active ? "]" : " ", .tabActive))
        }
        let sort = "sort \(state.sort.title) "
        grid.write(spans, at: rect.x, rect.y, width: rect.width - sort.count - 1, ellipsis: context.glyphs.ellipsis)
        grid.writeRight(sort, in: rect, row: rect.y, role: .dim)
    }
}

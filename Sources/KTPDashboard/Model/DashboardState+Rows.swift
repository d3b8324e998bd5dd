import KTP

extension DashboardState {
    /// Above this many changes at once (a page of the ledger loading), sorting them and merging them into the
    /// order beats inserting one by one.
    static let mergeThreshold = 512

    mutating func load(_ summaries: [SubmissionSummary]) {
        store = RowStore(summaries)
        detail = nil
        requestedDetail = nil
        marked = marked.filter { store.index(of: $0) != nil }
        resort()
        refilter(from: "")
    }

    mutating func apply(_ summaries: [SubmissionSummary]) {
        guard !summaries.isEmpty else { return }
        var touched: [Int32] = []
        var inserted: [Int32] = []
        for summary in summaries {
            switch store.upsert(summary) {
            case .inserted(let index): inserted.append(index)
            case .updated(let index): touched.append(index)
            case .ignored: break
            }
        }
        let needle = SearchKey.needle(filter)
        matches.reserveCapacity(store.count)
        for index in inserted { matches.append(store.searchKeys.contains(Int(index), needle)) }
        for index in touched { matches[Int(index)] = store.searchKeys.contains(Int(index), needle) }
        if !touched.isEmpty {
            let moved = Set(touched)
            order.removeAll { moved.contains($0) }
        }
        if touched.count + inserted.count > Self.mergeThreshold {
            merge(touched + inserted)
        } else {
            for index in touched + inserted { insertInOrder(index) }
        }
        rebuildLines()
    }

    mutating func resort() {
        let sort = self.sort
        order = store.items.withUnsafeBufferPointer { items in
            (0..<Int32(items.count)).sorted { sort.precedes(items[Int($0)], items[Int($1)]) }
        }
    }

    /// Sorts `indices` and merges them into the order: linear in the rows already there.
    private mutating func merge(_ indices: [Int32]) {
        let sort = self.sort
        order = store.items.withUnsafeBufferPointer { items in
            let incoming = indices.sorted { sort.precedes(items[Int($0)], items[Int($1)]) }
            var merged: [Int32] = []
            merged.reserveCapacity(order.count + incoming.count)
            var (old, new) = (0, 0)
            while old < order.count, new < incoming.count {
                if sort.precedes(items[Int(incoming[new])], items[Int(order[old])]) {
                    merged.append(incoming[new])
                    new += 1
                } else {
                    merged.append(order[old])
                    old += 1
                }
            }
            merged += order[old...]
            merged += incoming[new...]
            return merged
        }
    }

    private mutating func insertInOrder(_ index: Int32) {
        let row = store[index]
        var low = 0
        var high = order.count
        while low < high {
            let middle = (low + high) / 2
            if sort.precedes(store[order[middle]], row) { low = middle + 1 } else { high = middle }
        }
        order.insert(index, at: low)
    }

    /// Recomputes the filter's matches: only among the current matches when the new text narrows the old one.
    mutating func refilter(from previous: String) {
        let needle = SearchKey.needle(filter)
        let narrows = !previous.isEmpty && SearchKey.contains(needle, SearchKey.needle(previous))
        let keys = store.searchKeys
        if needle.isEmpty {
            matches = Array(repeating: true, count: keys.count)
        } else if narrows, matches.count == keys.count {
            matches = keys.matches(needle, only: matches)
        } else {
            matches = keys.matches(needle)
        }
        rebuildLines()
    }

    /// Rebuilds the shown lines, keeping the selection on the same submission and at the same height on screen.
    mutating func rebuildLines() {
        let offset = selectedLine - top
        var rowsShown: [Int32] = []
        rowsShown.reserveCapacity(tab == .all && filter.isEmpty ? order.count : order.count / 4)
        let tab = self.tab
        store.items.withUnsafeBufferPointer { items in
            matches.withUnsafeBufferPointer { matches in
                for index in order where matches[Int(index)] && tab.includes(items[Int(index)].state) {
                    rowsShown.append(index)
                }
            }
        }
        rowLineCount = rowsShown.count
        lines = tab == .failed ? grouped(rowsShown) : rowsShown.map(ListLine.row)
        reselect(keepingOffset: offset)
    }

    /// Failed rows grouped by error code, biggest group first, each in the sort order.
    private func grouped(_ rows: [Int32]) -> [ListLine] {
        var groups: [ErrorCode?: [Int32]] = [:]
        for index in rows { groups[store[index].errorCode, default: []].append(index) }
        let ordered = groups.sorted {
            $0.value.count != $1.value.count
                ? $0.value.count > $1.value.count : ($0.key?.rawValue ?? "~") < ($1.key?.rawValue ?? "~")
        }
        var lines: [ListLine] = []
        lines.reserveCapacity(rows.count + ordered.count)
        for (code, members) in ordered {
            lines.append(.group(code, count: members.count))
            lines.append(contentsOf: members.map(ListLine.row))
        }
        return lines
    }

    /// At the top of the list new rows show as they arrive; scrolled down, the selection keeps its screen line.
    private mutating func reselect(keepingOffset offset: Int) {
        if let id = selectedID, let index = store.index(of: id),
            let line = lines.firstIndex(of: .row(index))
        {
            selectedLine = line
            top = top == 0 && line < listHeight ? 0 : line - offset
        } else {
            selectLine(near: min(selectedLine, lines.count - 1), direction: 1)
        }
        clampTop()
    }

    /// Selects the row line at `line`, or the nearest one in `direction`, or else the other way.
    mutating func selectLine(near line: Int, direction: Int) {
        guard !lines.isEmpty else {
            selectedID = nil
            selectedLine = 0
            return
        }
        let start = max(0, min(line, lines.count - 1))
        let step = direction >= 0 ? 1 : -1
        let ahead = Array(stride(from: start, to: step > 0 ? lines.count : -1, by: step))
        let behind = Array(stride(from: start, to: step > 0 ? -1 : lines.count, by: -step))
        for candidate in ahead + behind {
            if let index = lines[candidate].rowIndex {
                selectedLine = candidate
                selectedID = store[index].id
                return
            }
        }
        selectedID = nil
    }

    /// Rows the list shows at once.
    var listHeight: Int { DashboardLayout(columns: columns, rows: rows, split: isSplit).list.height }

    mutating func clampTop() {
        top = max(0, min(top, lines.count - listHeight))
    }

    mutating func scrollToSelection() {
        let height = max(1, listHeight)
        if selectedLine < top {
            // Show the group header with the first row of a group.
            top = selectedLine > 0 && lines[selectedLine - 1].rowIndex == nil ? selectedLine - 1 : selectedLine
        } else if selectedLine >= top + height {
            top = selectedLine - height + 1
        }
        clampTop()
    }

    /// The ids of the rows shown, in list order.
    var shownIDs: [Int64] { lines.compactMap { $0.rowIndex.map { store[$0].id } } }

    /// The rows shown, in list order.
    var shownRows: [SubmissionSummary] { lines.compactMap { $0.rowIndex.map { store[$0] } } }
}

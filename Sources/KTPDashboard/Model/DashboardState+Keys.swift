import KTP

extension DashboardState {
    /// Overlays take keys first, then the prompt, then the detail or the list.
    mutating func handle(_ key: Key) -> [DashboardEffect] {
        message = nil
        switch overlay {
        case .help:
            if [.escape, .enter, .character("?"), .character("q")].contains(key) { overlay = nil }
            return []
        case .confirm(let confirmation):
            return handleConfirmation(key, confirmation)
        case nil:
            break
        }
        switch prompt {
        case .filter: return handleFilter(key)
        case .command(let text): return handleCommand(key, text)
        case nil: return handleList(key)
        }
    }

    private mutating func handleList(_ key: Key) -> [DashboardEffect] {
        if let movement = movement(for: key) {
            move(movement)
            return []
        }
        switch key {
        case .character("q"):
            wantsQuit = true
            return [.quit]
        case .escape:
            if detailOpen {
                detailOpen = false
            } else if !filter.isEmpty {
                setFilter("")
            } else if !marked.isEmpty {
                marked = []
                message = .info("marks cleared")
            }
        case .enter:
            if selectedID != nil { detailOpen.toggle() }
        case .character("?"):
            overlay = .help
        case .character("/"):
            prompt = .filter
        case .character(":"):
            prompt = .command("")
        case .character(let digit) where ("1"..."4").contains(digit):
            switchTab(to: DashboardTab(rawValue: Int(String(digit))!)!)
        case .tab:
            switchTab(to: DashboardTab(rawValue: tab.rawValue % 4 + 1)!)
        case .backTab:
            switchTab(to: DashboardTab(rawValue: (tab.rawValue + 2) % 4 + 1)!)
        case .character("s"):
            sort = sort.next
            resort()
            rebuildLines()
            message = .info("sorted by \(sort.title)")
        case .character(" "):
            toggleMark()
        case .character("p"):
            togglePause()
        case .character("r"):
            return askToReprocessSelected()
        case .character("R"):
            return askToReprocessBatch()
        case .character("v"):
            guard allowed("changing validate_quality") else { return [] }
            validateQuality = validateQuality.next
            message = .info("reprocess with validate_quality \(validateQuality.title)")
        case .character("m"):
            return reveal()
        default:
            break
        }
        return []
    }

    private mutating func handleFilter(_ key: Key) -> [DashboardEffect] {
        if let movement = movement(for: key, typing: true) {
            move(movement)
            return []
        }
        switch key {
        case .enter:
            prompt = nil
        case .escape:
            prompt = nil
            setFilter("")
        case .backspace:
            if filter.isEmpty { prompt = nil } else { setFilter(String(filter.dropLast())) }
        case .character(let character) where !character.isNewline:
            setFilter(filter + String(character))
        default:
            break
        }
        return []
    }

    private mutating func handleCommand(_ key: Key, _ text: String) -> [DashboardEffect] {
        switch key {
        case .enter:
            prompt = nil
            return run(text)
        case .escape:
            prompt = nil
        case .backspace:
            prompt = text.isEmpty ? nil : .command(String(text.dropLast()))
        case .character(let character) where !character.isNewline:
            prompt = .command(text + String(character))
        default:
            break
        }
        return []
    }

    mutating func setFilter(_ text: String) {
        let previous = filter
        filter = text
        refilter(from: previous)
    }

    private mutating func switchTab(to new: DashboardTab) {
        guard new != tab else { return }
        tab = new
        detailOpen = false
        selectedLine = 0
        top = 0
        rebuildLines()
    }

    private mutating func toggleMark() {
        guard let id = selectedID else { return }
        if marked.remove(id) == nil { marked.insert(id) }
        move(.by(1))
    }

    private mutating func togglePause() {
        paused.toggle()
        if paused {
            message = .info("paused: updates are held until p")
        } else {
            let updates = held.values.sorted { $0.revision < $1.revision }
            held = [:]
            apply(updates)
            message = .info("live: applied \(updates.count) held \(updates.count == 1 ? "update" : "updates")")
        }
    }

    private mutating func reveal() -> [DashboardEffect] {
        guard allowed("revealing personal data"), let id = selectedID else { return [] }
        if revealedID == id {
            revealedID = nil
            return []
        }
        message = .info("revealing this row; the ledger records it")
        return [.reveal(id: id)]
    }

    /// Refuses an action in read-only mode, saying why.
    mutating func allowed(_ action: String) -> Bool {
        if readOnly { message = .error("read-only: \(action) is disabled (started with --read-only)") }
        return !readOnly
    }
}

/// A move of the selection.
enum Movement: Equatable {
    case by(Int)
    case first
    case last
}

extension DashboardState {
    /// The movement a key asks for; letters move only when no text is being typed.
    func movement(for key: Key, typing: Bool = false) -> Movement? {
        let page = max(1, listHeight - 1)
        switch key {
        case .up: return .by(-1)
        case .down: return .by(1)
        case .pageUp: return .by(-page)
        case .pageDown: return .by(page)
        case .home: return .first
        case .end: return .last
        case .character("k") where !typing: return .by(-1)
        case .character("j") where !typing: return .by(1)
        case .character("g") where !typing: return .first
        case .character("G") where !typing: return .last
        default: return nil
        }
    }

    mutating func move(_ movement: Movement) {
        switch movement {
        case .first: selectLine(near: 0, direction: 1)
        case .last: selectLine(near: lines.count - 1, direction: -1)
        case .by(let delta): selectLine(near: selectedLine + delta, direction: delta)
        }
    }
}

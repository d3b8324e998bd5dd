import CNcurses
import Foundation

/// The ncurses screen. Every call must come from the one thread that created it (see ``TerminalThread``):
/// ncurses is not thread-safe.
final class Screen {
    private let window: UnsafeMutablePointer<WINDOW>
    let colorMode: ColorMode
    let isUTF8: Bool

    /// Sets the locale from the environment (before `initscr`, for UTF-8), enters curses mode, and arms
    /// the crash handler that restores the terminal.
    init(environment: [String: String]) {
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(Int32(CODESET)))
        isUTF8 = codeset.uppercased().replacingOccurrences(of: "-", with: "") == "UTF8"
        set_escdelay(25)
        guard let window = initscr() else { fatalError("initscr failed: is TERM set?") }
        self.window = window
        ktp_restore_terminal_on_crash()
        cbreak()
        noecho()
        nonl()
        intrflush(window, false)
        keypad(window, true)
        curs_set(0)
        let hasColors = has_colors()
        if hasColors {
            start_color()
            use_default_colors()
        }
        colorMode = ColorMode.choose(environment: environment, terminalColors: Int(ktp_colors()), hasColors: hasColors)
    }

    var size: (columns: Int, rows: Int) { (Int(ktp_columns(window)), Int(ktp_rows(window))) }

    /// Defines colour pairs 1...n; `nil` colours are the terminal's defaults.
    func definePairs(_ pairs: [(foreground: Int16?, background: Int16?)]) {
        guard colorMode != .none else { return }
        for (index, pair) in pairs.enumerated() where index + 1 < Int(ktp_color_pairs()) {
            init_pair(Int16(index + 1), pair.foreground ?? -1, pair.background ?? -1)
        }
    }

    /// Waits up to `milliseconds` for one key; `nil` on timeout.
    func readKey(milliseconds: Int32) -> RawKey? {
        wtimeout(window, milliseconds)
        var character: wint_t = 0
        let result = wget_wch(window, &character)
        switch result {
        case OK: return .character(UInt32(character))
        case KEY_CODE_YES: return .function(Int32(character))
        default: return nil
        }
    }

    /// Draws whole rows of spans and shows them in one refresh, with the cursor at `cursor` or hidden.
    func draw(_ rows: [[Span]], cursor: (column: Int, row: Int)?) {
        werase(window)
        for (row, spans) in rows.enumerated() {
            wmove(window, Int32(row), 0)
            for span in spans {
                wattr_set(window, attributes(span.attributes), colorMode == .none ? 0 : span.pair, nil)
                var wide = span.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
                wide.append(0)
                waddnwstr(window, wide, Int32(wide.count - 1))
            }
        }
        wattr_set(window, ktp_a_normal(), 0, nil)
        if let cursor {
            wmove(window, Int32(cursor.row), Int32(cursor.column))
            curs_set(1)
        } else {
            curs_set(0)
        }
        wrefresh(window)
    }

    /// Leaves curses mode; the terminal is as it was before.
    func close() {
        endwin()
    }

    private func attributes(_ set: TextAttributes) -> attr_t {
        var value = ktp_a_normal()
        if set.contains(.bold) { value |= ktp_a_bold() }
        if set.contains(.underline) { value |= ktp_a_underline() }
        if set.contains(.reverse) { value |= ktp_a_reverse() }
        if set.contains(.dim) { value |= ktp_a_dim() }
        return value
    }
}

/// A key as ncurses reports it: a character, or a function key code (`KEY_UP`, `KEY_RESIZE`...).
enum RawKey: Equatable {
    case character(UInt32)
    case function(Int32)
}

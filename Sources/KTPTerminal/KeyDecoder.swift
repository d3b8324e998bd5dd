import CNcurses
import KTPDashboard

/// ncurses' key reports as the dashboard's keys.
enum KeyDecoder {
    static func key(for raw: RawKey) -> Key? {
        switch raw {
        case .character(let code):
            switch code {
            case 10, 13: return .enter
            case 27: return .escape
            case 8, 127: return .backspace
            case 9: return .tab
            default:
                guard code >= 32, let scalar = Unicode.Scalar(code) else { return nil }
                return .character(Character(scalar))
            }
        case .function(let code):
            switch code {
            case KEY_UP: return .up
            case KEY_DOWN: return .down
            case KEY_LEFT: return .left
            case KEY_RIGHT: return .right
            case KEY_PPAGE: return .pageUp
            case KEY_NPAGE: return .pageDown
            case KEY_HOME: return .home
            case KEY_END: return .end
            case KEY_ENTER: return .enter
            case KEY_BACKSPACE: return .backspace
            case KEY_BTAB: return .backTab
            default: return nil
            }
        }
    }
}

import CNcurses
import Foundation
import KTPDashboard
import Synchronization

/// Runs ncurses on one dedicated thread: it paints the newest frame it was given and reports keys and
/// resizes. Nothing else touches ncurses, and this thread never waits on the network or the disk.
public final class TerminalThread: Sendable {
    /// What the terminal reports.
    public enum Event: Sendable, Equatable {
        case started(columns: Int, rows: Int, colorMode: ColorMode, isUTF8: Bool)
        case key(Key)
        case resized(columns: Int, rows: Int)
        case stopped
    }

    private struct Mailbox {
        var frame: (rows: [[Span]], cursor: (column: Int, row: Int)?)?
        var pairs: [(foreground: Int16?, background: Int16?)]?
        var stopping = false
    }

    private let mailbox = Mutex(Mailbox())
    public let events: AsyncStream<Event>
    private let continuation: AsyncStream<Event>.Continuation

    /// Starts the thread; it enters curses mode at once.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        (events, continuation) = AsyncStream.makeStream(of: Event.self, bufferingPolicy: .unbounded)
        let thread = Thread { [self] in
            let screen = Screen(environment: environment)
            let (columns, rows) = screen.size
            continuation.yield(
                .started(columns: columns, rows: rows, colorMode: screen.colorMode, isUTF8: screen.isUTF8))
            while true {
                let (frame, pairs, stopping) = self.mailbox.withLock { box in
                    defer {
                        box.frame = nil
                        box.pairs = nil
                    }
                    return (box.frame, box.pairs, box.stopping)
                }
                if stopping { break }
                if let pairs { screen.definePairs(pairs) }
                if let frame { screen.draw(frame.rows, cursor: frame.cursor) }
                switch screen.readKey(milliseconds: 30) {
                case .function(KEY_RESIZE):
                    let (columns, rows) = screen.size
                    continuation.yield(.resized(columns: columns, rows: rows))
                case let raw?:
                    if let key = KeyDecoder.key(for: raw) { continuation.yield(.key(key)) }
                case nil:
                    break
                }
            }
            screen.close()
            continuation.yield(.stopped)
            continuation.finish()
        }
        thread.name = "ktp-terminal"
        thread.start()
    }

    /// Shows `frame` at the thread's next turn, with the cursor at `cursor` or hidden; a newer frame replaces
    /// one not yet drawn.
    public func show(_ frame: [[Span]], cursor: (column: Int, row: Int)? = nil) {
        mailbox.withLock { $0.frame = (frame, cursor) }
    }

    /// Defines colour pairs 1...n for the spans to use.
    public func definePairs(_ pairs: [(foreground: Int16?, background: Int16?)]) {
        mailbox.withLock { $0.pairs = pairs }
    }

    /// Leaves curses mode; `events` then ends with `.stopped`.
    public func stop() {
        mailbox.withLock { $0.stopping = true }
    }
}

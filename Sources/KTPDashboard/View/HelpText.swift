import Foundation

/// The help overlay's lines: a triage walkthrough first, then every key in four groups, then the legend.
enum HelpText {
    static let width = 74
    private static let columnWidth = 37

    private struct Entry {
        var key: String
        var text: String
        var writes = false
    }

    static func lines(readOnly: Bool, glyphs: GlyphSet) -> [[Span]] {
        let arrows = "\(glyphs.arrowUp)\(glyphs.arrowDown)"
        let off = readOnly ? " (read-only: off)" : ""
        var lines: [[Span]] = [[Span("Triage a failed extraction", .title)]]
        lines.append(
            entries([
                Entry(key: "4", text: "failed view, grouped by error code"),
                Entry(key: arrows, text: "pick a row, enter for its detail"),
            ]))
        lines.append(
            entries([
                Entry(key: "", text: "detail: error, what to do, quality"),
                Entry(key: "r", text: "reprocess it, y to confirm", writes: true),
            ], readOnly: readOnly))
        lines.append(
            entries([
                Entry(key: "v", text: "before r: validate_quality on/off", writes: true),
                Entry(key: "3", text: "watch the result arrive"),
            ], readOnly: readOnly))
        lines.append([])
        lines.append(headings("Move", "Find and view"))
        let rows: [(Entry, Entry)] = [
            (Entry(key: "\(arrows) j k", text: "one row"), Entry(key: "/", text: "filter: ref, NIK, name, code")),
            (Entry(key: "PgUp PgDn", text: "one page"), Entry(key: "s", text: "sort: newest, oldest, state, …")),
            (Entry(key: "Home End g G", text: "first, last"), Entry(key: "1 2 3 4", text: "all pending complete failed")),
            (Entry(key: "enter", text: "detail (esc back)"), Entry(key: "esc", text: "clear the filter, then marks")),
        ]
        lines += rows.map { entries([$0.0, $0.1], keyWidth: 12) }
        lines.append([])
        lines.append(headings("Act" + off, "Screen"))
        let acts: [(Entry, Entry)] = [
            (Entry(key: "r", text: "reprocess the row", writes: true), Entry(key: "p", text: "pause or resume live updates")),
            (Entry(key: "R", text: "reprocess marked, else all shown", writes: true),
             Entry(key: ":theme", text: "NAME  default light …")),
            (Entry(key: "space", text: "mark a row"), Entry(key: ":refresh", text: "SECONDS (at least 1)")),
            (Entry(key: "v", text: "validate_quality for reprocess", writes: true),
             Entry(key: ":export", text: "csv PATH (masked)")),
            (Entry(key: "m", text: "show this row's PII (logged)", writes: true), Entry(key: "q", text: "quit")),
        ]
        lines += acts.map { entries([$0.0, $0.1], keyWidth: 8, readOnly: readOnly) }
        lines.append([])
        lines.append([
            Span("\(glyphs.pending)", .pending), Span(" pending ", .help), Span("\(glyphs.complete)", .complete),
            Span(" complete ", .help), Span("\(glyphs.failed)", .failed), Span(" failed    QUAL ", .help),
            Span("B", .flag), Span(" blur ", .help), Span("D", .flag), Span(" dark ", .help), Span("F", .flag),
            Span(" flash ", .help), Span("G", .flag), Span(" grey", .help),
        ])
        return lines
    }

    private static func headings(_ left: String, _ right: String) -> [Span] {
        [Span(left.padding(toLength: columnWidth, withPad: " ", startingAt: 0), .title), Span(right, .title)]
    }

    /// Two entries side by side; each is a key then its text, padded to a column.
    private static func entries(_ pair: [Entry], keyWidth: Int = 3, readOnly: Bool = false) -> [Span] {
        pair.enumerated().flatMap { index, entry -> [Span] in
            let disabled = readOnly && entry.writes
            let key = entry.key.padding(toLength: max(keyWidth, entry.key.count + 1), withPad: " ", startingAt: 0)
            var text = entry.text
            let used = 1 + key.count + text.count
            if index == 0 { text += String(repeating: " ", count: max(1, columnWidth - used)) }
            return [
                Span(" ", .help), Span(key, disabled ? .disabled : .helpKey), Span(text, disabled ? .disabled : .help),
            ]
        }
    }
}

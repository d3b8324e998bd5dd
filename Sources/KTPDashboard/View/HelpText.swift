import Foundation

/// The help overlay's lines: a triage walkthrough first, then every key in four groups, then the legend.
/// It fits 76x22, so an 80x24 terminal shows all of it.
enum HelpText {
    static let width = 72
    private static let columnWidth = 36

    private struct Entry {
        var key: String
        var text: String
        var writes = false
    }

    static func lines(readOnly: Bool, glyphs: GlyphSet) -> [[Span]] {
        let arrows = "\(glyphs.arrowUp)\(glyphs.arrowDown)"
        var lines: [[Span]] = [[Span("Triage a failed extraction", .title)]]
        let triage: [(Entry, Entry)] = [
            (
                Entry(key: "4", text: "failed view, grouped by code"),
                Entry(key: "enter", text: "its error and what to do")
            ),
            (Entry(key: arrows, text: "pick a row"), Entry(key: "r", text: "reprocess it, y to confirm", writes: true)),
            (
                Entry(key: "v", text: "validate_quality, before r", writes: true),
                Entry(key: "3", text: "watch its result arrive")
            ),
        ]
        lines += triage.map { row($0, keyWidths: (6, 6), readOnly: readOnly) }
        lines.append([])
        lines.append(headings("Move", "Find and view"))
        let find: [(Entry, Entry)] = [
            (Entry(key: "\(arrows) j k", text: "one row"), Entry(key: "/", text: "filter: ref, NIK, name, code")),
            (Entry(key: "PgUp PgDn", text: "one page"), Entry(key: "s", text: "cycle the sort order")),
            (Entry(key: "Home g", text: "first row"), Entry(key: "1-4", text: "all, pending, complete, failed")),
            (Entry(key: "End G", text: "last row"), Entry(key: "esc", text: "clear the filter, then marks")),
            (Entry(key: "enter", text: "detail (esc back)"), Entry(key: "tab", text: "next view")),
        ]
        lines += find.map { row($0, keyWidths: (10, 5), readOnly: readOnly) }
        lines.append([])
        lines.append(headings("Act" + (readOnly ? " (off: read-only)" : ""), "Screen"))
        let act: [(Entry, Entry)] = [
            (
                Entry(key: "r", text: "reprocess the row", writes: true),
                Entry(key: "p", text: "pause or resume updates")
            ),
            (
                Entry(key: "R", text: "reprocess marked, else shown", writes: true),
                Entry(key: ":theme", text: "NAME (light, colorblind…)")
            ),
            (Entry(key: "space", text: "mark a row"), Entry(key: ":refresh", text: "SECONDS, at least 1")),
            (
                Entry(key: "v", text: "set validate_quality", writes: true),
                Entry(key: ":export", text: "csv PATH (masked)")
            ),
            (Entry(key: "m", text: "show this row's PII (logged)", writes: true), Entry(key: "q", text: "quit")),
        ]
        lines += act.map { row($0, keyWidths: (6, 9), readOnly: readOnly) }
        lines.append([])
        lines.append([
            Span("\(glyphs.pending)", .pending), Span(" pending  ", .help), Span("\(glyphs.complete)", .complete),
            Span(" complete  ", .help), Span("\(glyphs.failed)", .failed), Span(" failed     QUAL ", .help),
            Span("B", .flag), Span(" blur  ", .help), Span("D", .flag), Span(" dark  ", .help), Span("F", .flag),
            Span(" flash  ", .help), Span("G", .flag), Span(" grey", .help),
        ])
        return lines
    }

    private static func headings(_ left: String, _ right: String) -> [Span] {
        [Span(padded(left, columnWidth), .title), Span(right, .title)]
    }

    /// Two entries side by side, each a key padded to its column's key width and then its text.
    private static func row(_ pair: (Entry, Entry), keyWidths: (Int, Int), readOnly: Bool) -> [Span] {
        func spans(_ entry: Entry, keyWidth: Int, width: Int) -> [Span] {
            let disabled = readOnly && entry.writes
            let key = padded(entry.key, max(keyWidth, entry.key.count + 1))
            return [
                Span(" ", .help), Span(key, disabled ? .disabled : .helpKey),
                Span(padded(entry.text, width - 1 - key.count), disabled ? .disabled : .help),
            ]
        }
        return spans(pair.0, keyWidth: keyWidths.0, width: columnWidth)
            + spans(pair.1, keyWidth: keyWidths.1, width: width - columnWidth)
    }

    private static func padded(_ text: String, _ width: Int) -> String {
        text.count > width ? String(text.prefix(width)) : text.padding(toLength: width, withPad: " ", startingAt: 0)
    }
}

import Foundation
import KTP

/// The detail pane's content as styled lines, before it is placed: title, fields, error, quality, lineage, timeline.
struct DetailSections {
    let summary: SubmissionSummary
    /// `nil` while the full entry loads: the pane shows what the summary knows.
    let detail: DetailData?
    let revealed: Bool
    let glyphs: GlyphSet
    let timeZone: TimeZone
    let now: Date

    var hasFields: Bool { detail?.submission.result?.data.fields != nil }

    var title: [Span] {
        let state = summary.state
        var spans = [
            Span("\(glyphs.status(state)) ", DashboardView.stateRole(state)), Span(summary.referenceID, .title),
            Span(" \(glyphs.separator) \(state.rawValue)", DashboardView.stateRole(state)),
        ]
        if let code = summary.errorCode { spans.append(Span(" \(glyphs.separator) \(code.rawValue)", .error)) }
        return spans
    }

    var subtitle: [Span] {
        let sep = " \(glyphs.separator) "
        var parts = ["submitted " + DisplayFormat.moment(summary.submittedAt, now: now, in: timeZone)]
        if let took = summary.processingTime { parts.append("took " + DisplayFormat.duration(took)) }
        if let options = detail?.submission.options {
            parts.append("is_quality \(options.isQuality ? "on" : "off")")
            parts.append("validate_quality \(options.validateQuality ? "on" : "off")")
        }
        return [Span(parts.joined(separator: sep), .dim)]
    }

    func fields(width: Int) -> [[Span]] {
        guard let detail else { return [heading("FIELDS", note: "loading…")] }
        guard let fields = detail.submission.result?.data.fields else {
            let reason =
                switch summary.state {
                case .pending: "none yet: the extraction is still running"
                case .failed: "none: the extraction failed"
                case .complete: "none in the result"
                }
            return [heading("FIELDS", note: reason)]
        }
        let heading = heading("FIELDS", note: revealed ? "revealed: the ledger records it" : "masked (m reveals)")
        let confidence = detail.submission.result?.data.confidence ?? [:]
        let labelWidth = 18
        let showsNumber = width >= 56
        let barWidth = showsNumber ? 10 : 6
        let valueWidth = width - labelWidth - barWidth - 1 - (showsNumber ? 5 : 0)
        return [heading]
            + FieldKey.allCases.map { key in
                let raw = fields[key]
                let value = revealed || !key.isPersonal ? raw : masked(raw, key)
                var line = [
                    Span(key.cardLabel.padding(toLength: labelWidth, withPad: " ", startingAt: 0), .label),
                    Span(fit(value, valueWidth), revealed && key.isPersonal ? .revealed : .text),
                    Span(" ", .text),
                ]
                line += bar(confidence[key], width: barWidth)
                if showsNumber, let level = confidence[key] {
                    line.append(Span(String(format: " %.2f", level), .dim))
                }
                return line
            }
    }

    /// Error, quality and lineage, then as much of the timeline as fits in `height`.
    func aside(width: Int, height: Int) -> [[Span]] {
        var lines: [[Span]] = []
        if let code = summary.errorCode {
            lines.append(heading("ERROR"))
            let explained = TextWrap.lines(code.rawValue + ": " + code.explanation, width: width)
            lines += explained.enumerated().map { index, line in
                index > 0
                    ? [Span(line, .text)]
                    : [Span(code.rawValue, .error), Span(String(line.dropFirst(code.rawValue.count)), .text)]
            }
            if let message = detail?.submission.errorMessage, message != code.explanation {
                lines += TextWrap.lines(message, width: width).prefix(2).map { [Span($0, .dim)] }
            }
            let todo = TextWrap.lines("what to do: " + code.remedy, width: width)
            lines += todo.map { [Span($0, .help)] }
            lines.append([])
        }
        lines.append(heading("QUALITY"))
        lines += quality(width: width)
        lines.append([])
        lines.append(heading("LINEAGE"))
        lines += lineage
        lines.append([])
        lines += timeline(rows: height - lines.count)
        return lines
    }

    private func quality(width: Int) -> [[Span]] {
        guard let quality = summary.quality else {
            let why =
                summary.state == .pending
                ? "not measured yet"
                : detail?.submission.options.isQuality == false
                    ? "not asked for (is_quality off)" : "none reported"
            return [[Span(why, .dim)]]
        }
        let flags: [(Bool, String)] = [
            (quality.blur, "B blur"), (quality.dark, "D dark"), (quality.flashlight, "F flashlight"),
            (quality.grayscale, "G grayscale"),
        ]
        let set = flags.filter(\.0)
        guard !set.isEmpty else { return [[Span("no flags: the photo passed", .complete)]] }
        let line = set.flatMap { [Span($0.1, .flag), Span("  ", .text)] }
        guard quality.failsValidation else { return [line] }
        let note = Span("(enough to fail validate_quality)", .dim)
        return line.reduce(0) { $0 + $1.text.count } + note.text.count <= width ? [line + [note]] : [line, [note]]
    }

    private var lineage: [[Span]] {
        var lines: [[Span]] = []
        if let origin = summary.reprocessOf {
            lines.append([Span("from  ", .label), Span(origin, .text)])
        }
        for child in detail?.reprocessings ?? [] {
            lines.append([
                Span("to    ", .label), Span("\(glyphs.status(child.state)) ", DashboardView.stateRole(child.state)),
                Span(child.referenceID, .text),
                Span(child.errorCode.map { " \($0.rawValue)" } ?? "", .error),
            ])
        }
        return lines.isEmpty ? [[Span("the original, never reprocessed", .dim)]] : lines
    }

    private func timeline(rows: Int) -> [[Span]] {
        guard rows >= 2 else { return [] }
        guard let events = detail?.events else { return [heading("TIMELINE"), [Span("loading…", .dim)]] }
        let fits = rows - 1
        var lines = [heading("TIMELINE")]
        var shown = events[...]
        if events.count > fits, fits < 3 {
            shown = events.suffix(fits)
        } else if events.count > fits {
            shown = events.suffix(fits - 1)
            lines.append([Span("\(glyphs.ellipsis) \(events.count - shown.count) earlier", .dim)])
        }
        for event in shown {
            lines.append([
                Span(DisplayFormat.clock(event.at, in: timeZone) + "  ", .dim),
                Span(Self.name(of: event.kind), event.kind == .piiRevealed ? .revealed : .text),
                Span(event.detail.isEmpty ? "" : "  " + event.detail, .dim),
            ])
        }
        return lines
    }

    private func heading(_ title: String, note: String? = nil) -> [Span] {
        [Span(title, .title)] + (note.map { [Span("  " + $0, .dim)] } ?? [])
    }

    private func bar(_ level: Double?, width: Int) -> [Span] {
        guard let level else { return [Span(String(repeating: " ", count: width), .dim)] }
        let filled = Int((min(1, max(0, level)) * Double(width)).rounded())
        let role: StyleRole = level >= 0.85 ? .confidenceHigh : level >= 0.6 ? .confidenceMid : .confidenceLow
        return [
            Span(String(repeating: glyphs.barFull, count: filled), role),
            Span(String(repeating: glyphs.barEmpty, count: width - filled), .dim),
        ]
    }

    private func fit(_ text: String, _ width: Int) -> String {
        guard width > 0 else { return "" }
        let cut = text.count > width ? String(text.prefix(width - 1)) + String(glyphs.ellipsis) : text
        return cut.padding(toLength: width, withPad: " ", startingAt: 0)
    }

    private func masked(_ value: String, _ key: FieldKey) -> String {
        // Masking covers NIK and name; the other personal fields keep only each word's first letter.
        key == .nik || key == .fullName ? Masking.mask(value, for: key) : Masking.maskName(value)
    }

    private static func name(of kind: LedgerEvent.Kind) -> String {
        switch kind {
        case .submitted: "submitted"
        case .polled: "polled"
        case .callbackReceived: "callback"
        case .statusChanged: "status"
        case .reprocessed: "reprocessed"
        case .piiRevealed: "PII revealed"
        }
    }
}

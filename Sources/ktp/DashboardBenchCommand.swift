import ArgumentParser
import Foundation
import KTP
import KTPDashboard
import KTPTerminal

struct DashboardBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard-bench",
        abstract: "Measure the dashboard on a large ledger: first paint, filter keystroke to redraw, frame, memory."
    )

    @Option(help: "Submissions in the ledger.")
    var rows = 100_000

    @Option(help: "The ledger to fill and measure (kept, so later runs skip the filling).")
    var ledger = FileManager.default.temporaryDirectory.appendingPathComponent("ktp-dashboard-bench.sqlite").path

    @OptionGroup var themes: ThemeOptions

    static let names = ["BUDI SANTOSO", "SITI RAHAYU", "AGUS SETIAWAN", "DEWI LESTARI", "RINA WULANDARI"]
    static let failures: [ErrorCode] = [.ktpNotDetected, .failOn1, .internalServerError]

    func run() async throws {
        LargeAllocations.returnToTheSystemWhenFreed()
        let ledger = try Ledger(path: ledger)
        try await fill(ledger)
        let theme = try themes.load()
        let palette = ThemePalette(theme: theme, colorMode: .indexed256)
        var (columns, rows) = (160, 48)

        // As the runtime loads: paint after the first page, then take the rest page by page.
        let started = ContinuousClock.now
        var state = DashboardState(
            api: "http://127.0.0.1:8080", appID: "bench", readOnly: false, columns: columns,
            rows: rows, now: Date())
        var firstPaint: Duration?
        var slowestPage = Duration.zero
        for try await page in ledger.summaryPages() {
            let start = ContinuousClock.now
            _ = state.reduce(firstPaint == nil ? .loaded(page, complete: false) : .loadedMore(page, complete: false))
            _ = palette.spans(for: DashboardView.render(state, glyphs: .unicode))
            if firstPaint == nil { firstPaint = ContinuousClock.now - started }
            slowestPage = max(slowestPage, ContinuousClock.now - start)
        }
        _ = state.reduce(.loadedMore([], complete: true))
        _ = palette.spans(for: DashboardView.render(state, glyphs: .unicode))
        let loaded = ContinuousClock.now - started

        var keystrokes: [Duration] = []
        _ = state.reduce(.key(.character("/")))
        for character in "SITI 317" {
            let start = ContinuousClock.now
            _ = state.reduce(.key(.character(character)))
            _ = palette.spans(for: DashboardView.render(state, glyphs: .unicode))
            keystrokes.append(ContinuousClock.now - start)
        }
        _ = state.reduce(.key(.escape))

        var frames: [Duration] = []
        for index in 0..<50 {
            if index == 25 { (columns, rows) = (80, 24) }
            _ = state.reduce(index % 2 == 0 ? .key(.down) : .resized(columns: columns, rows: rows))
            let start = ContinuousClock.now
            _ = palette.spans(for: DashboardView.render(state, glyphs: .unicode))
            frames.append(ContinuousClock.now - start)
        }
        let memory = Self.memory()
        Diagnostics.say("dashboard on \(self.rows) submissions (160x48, then 80x24)")
        Diagnostics.say("  first paint (read the first page, reduce, render): \(Self.ms(firstPaint ?? .zero)) ms")
        Diagnostics.say(
            "  whole ledger loaded: \(Self.ms(loaded)) ms (each page's reduce and render at most "
                + "\(Self.ms(slowestPage)) ms)")
        let slowest = Self.ms(keystrokes.max() ?? .zero)
        Diagnostics.say(
            "  filter keystroke to redraw: median \(Self.ms(Self.median(keystrokes))) ms, max \(slowest) ms")
        Diagnostics.say(
            "  frame render: median \(Self.ms(Self.median(frames))) ms, max \(Self.ms(frames.max() ?? .zero)) ms")
        Diagnostics.say("  resident memory: \(memory.current) MB now, \(memory.peak) MB at most")
    }

    private func fill(_ ledger: Ledger) async throws {
        var present = try await ledger.count()
        let now = Date()
        while present < rows {
            let batch = (present..<min(rows, present + 5000)).map { index in Self.entry(index, now: now) }
            try await ledger.importFinished(batch, now: now)
            present += batch.count
            Diagnostics.progress("filling the ledger: \(present)/\(rows)", done: present >= rows)
        }
    }

    static func entry(_ index: Int, now: Date) -> (NewSubmission, ResultBody) {
        let reference = String(format: "bench-%06d", index)
        let submitted = now.addingTimeInterval(-Double(index) * 7)
        let failure = index % 7 == 0 ? failures[index % failures.count] : nil
        let fields = KTPFields([
            .nik: String(format: "3171%02d%06d%04d", index % 50, 170_890 + index % 100, index % 10_000),
            .fullName: names[index % names.count],
        ])
        let data = ExtractionResult(
            referenceID: reference, status: failure == nil ? .success : .failed,
            fields: failure == nil ? fields : nil,
            imageQuality: ImageQuality(blur: index % 5 == 0, dark: index % 11 == 0),
            submittedAt: submitted, completedAt: submitted.addingTimeInterval(1.5))
        let new = NewSubmission(
            api: "http://127.0.0.1:8080", appID: "bench", referenceID: reference,
            options: SubmitOptions(referenceID: reference))
        return (new, ResultBody(errorCode: failure, data: data))
    }

    static func memory() -> (current: Int, peak: Int) {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        func value(_ key: String) -> Int {
            let line = status.split(separator: "\n").first { $0.hasPrefix(key) } ?? ""
            return (Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
        }
        return (value("VmRSS:"), value("VmHWM:"))
    }

    static func median(_ values: [Duration]) -> Duration { values.sorted()[values.count / 2] }
    static func ms(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(format: "%.1f", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
    }
}

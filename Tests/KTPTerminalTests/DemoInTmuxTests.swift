import Foundation
import KTP
import TestSupport
import Testing

/// `ktp demo` in a real terminal (tmux): watch, filter, open, reprocess with confirmation, quit; then the
/// ledger holds the reprocessing and the terminal is back to normal.
@Suite(.serialized) struct DemoInTmuxTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..")
        .standardized

    /// A tmux server of the test's own, so that nothing of the operator's tmux is touched or waited on.
    static let socket = "ktp-test-\(UUID().uuidString.prefix(8))"

    static let env = URL(fileURLWithPath: "/usr/bin/env")

    @discardableResult
    static func tmux(_ arguments: [String]) async throws -> String {
        try await ChildProcess.run(env, ["tmux", "-L", socket] + arguments).output
    }

    /// Waits until the pane shows `text`; returns the last capture either way.
    static func screen(
        _ session: String, showing text: String, within timeout: Duration = .seconds(20)
    )
        async throws -> String
    {
        try await screen(session, within: timeout) { $0.contains(text) }
    }

    static func screen(
        _ session: String, within timeout: Duration, until done: (String) -> Bool
    ) async throws
        -> String
    {
        let deadline = ContinuousClock.now + timeout
        var capture = ""
        while ContinuousClock.now < deadline {
            capture = try await tmux(["capture-pane", "-p", "-t", session])
            if done(capture) { return capture }
            try await Task.sleep(for: .milliseconds(200))
        }
        return capture
    }

    /// The header's counts, e.g. `○ 0 pending   ✓ 6 complete   ✗ 3 failed`.
    static func counts(_ capture: String) -> (pending: Int, complete: Int, failed: Int)? {
        guard let match = capture.firstMatch(of: /○ (\d+) pending\s+✓ (\d+) complete\s+✗ (\d+) failed/) else {
            return nil
        }
        return (Int(match.1) ?? 0, Int(match.2) ?? 0, Int(match.3) ?? 0)
    }

    static func keys(_ session: String, _ keys: String...) async throws {
        for key in keys { try await tmux(["send-keys", "-t", session, key]) }
    }

    @Test(.timeLimit(.minutes(5)))
    func anOperatorTriagesAndReprocessesAFailedExtractionAndQuits() async throws {
        let ktp = try #require(ChildProcess.ktp, "build ktp first (make test does)")
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("ktp-tmux-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        let session = "ktp-e2e-\(UUID().uuidString.prefix(8))"
        let regions = ProcessInfo.processInfo.environment["KTP_REGIONS"] ?? ""
        let command = [
            "env", "XDG_DATA_HOME=\(data.path)", "KTP_REGIONS=\(regions)", "TERM=xterm-256color", "LANG=C.UTF-8",
            ktp.path, "demo", "--photos", Self.root.appendingPathComponent("Tests/KTPVisionTests/Fixtures").path,
            "--limit", "4", "--theme", Self.root.appendingPathComponent("themes/default.toml").path,
        ].joined(separator: " ")
        // The first client starts the server, a daemon: it is launched, not waited on, and the session polled.
        try ChildProcess.launch(
            Self.env,
            [
                "tmux", "-L", Self.socket, "new-session", "-d", "-s", session, "-x", "120", "-y", "32",
                command + "; echo KTP_EXIT=$?; sleep 60",
            ])
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline,
            (try await ChildProcess.run(Self.env, ["tmux", "-L", Self.socket, "has-session", "-t", session])).status
                != 0
        {
            try await Task.sleep(for: .milliseconds(100))
        }
        do {
            try await drive(session, data: data)
        } catch {
            _ = try? await Self.tmux(["kill-server"])
            throw error
        }
        try await Self.tmux(["kill-server"])
    }

    func drive(_ session: String, data: URL) async throws {
        // 4 photos and 5 sandbox codes, all ended.
        let settled = try await Self.screen(session, within: .seconds(180)) { capture in
            Self.counts(capture).map { $0.pending == 0 && $0.complete + $0.failed == 9 } ?? false
        }
        #expect(settled.contains("demo-0001-ktp-clean"))
        #expect(settled.contains("sandbox-KTP_BD"))
        #expect(settled.contains("********"), "NIKs are masked")

        try await Self.keys(session, "4")
        let failed = try await Self.screen(session, showing: "KTP_NOT_DETECTED (")
        #expect(failed.contains("no KTP was found in the photo"), "the failed view groups by code with its explanation")

        try await Self.keys(session, "/", "N", "O", "_", "K", "Enter")
        let filtered = try await Self.screen(session, showing: "filter NO_K")
        #expect(filtered.contains("sandbox-NO_KTP_DETECTED"))
        #expect(!filtered.contains("sandbox-KTP_BD"), "the filter narrows the list")

        try await Self.keys(session, "Enter")
        let detail = try await Self.screen(session, showing: "TIMELINE")
        #expect(detail.contains("what to do"))

        try await Self.keys(session, "Escape", "r")
        let confirmation = try await Self.screen(session, showing: "y reprocess")
        #expect(confirmation.contains("Reprocess sandbox-NO_KTP_DETECTED?"))
        try await Self.keys(session, "y")
        let done = try await Self.screen(session, showing: "sandbox-NO_KTP_DETECTED-r1")
        #expect(done.contains("reprocessed 1 submission"))

        try await Self.keys(session, "q")
        let after = try await Self.screen(session, showing: "KTP_EXIT=")
        #expect(after.contains("KTP_EXIT=0"))
        let alternate = try await Self.tmux(["display", "-p", "-t", session, "#{alternate_on}"])
        #expect(alternate.hasPrefix("0"), "the screen is restored")

        let ledger = try Ledger(path: data.appendingPathComponent("ktp/demo/ledger.sqlite").path)
        let copy = try #require(try await ledger.submission(referenceID: "sandbox-NO_KTP_DETECTED-r1"))
        #expect(copy.reprocessOf == "sandbox-NO_KTP_DETECTED")
    }

    /// Starts `command` in a tmux session of `columns` x `rows`, with a line for its exit status after it.
    static func start(_ session: String, _ command: [String], columns: Int = 100, rows: Int = 30) throws {
        try ChildProcess.launch(
            env,
            [
                "tmux", "-L", socket, "new-session", "-d", "-s", session, "-x", "\(columns)", "-y", "\(rows)",
                command.joined(separator: " ") + "; echo KTP_EXIT=$?; sleep 60",
            ])
    }

    /// `ktp dashboard` on the embedded service of `data`, with no API configured.
    static func embeddedDashboard(_ data: URL, _ arguments: [String] = []) throws -> [String] {
        let ktp = try #require(ChildProcess.ktp, "build ktp first (make test does)")
        return [
            "env", "-u", "KTP_API_URL", "-u", "KTP_APP_ID", "-u", "KTP_API_KEY", "XDG_DATA_HOME=\(data.path)",
            "TERM=xterm-256color", "LANG=C.UTF-8", ktp.path, "dashboard",
        ] + arguments
    }

    @Test(.timeLimit(.minutes(2)))
    func theDashboardPaintsAtOnceWhileItsServiceStarts() async throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("ktp-starting-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        let folder = data.appendingPathComponent("ktp")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Another process holds the start lock, as a ktp starting the service would; `--close` keeps the lock
        // out of `sleep`, so killing `flock` releases it. SIGKILL, because a child of the test process may
        // inherit SIGTERM ignored.
        let holder = Process()
        holder.executableURL = Self.env
        let lock = folder.appendingPathComponent("embedded-service.lock").path
        holder.arguments = ["flock", "--close", lock, "sleep", "60"]
        try holder.run()
        func release() { if holder.isRunning { kill(holder.processIdentifier, SIGKILL) } }
        defer { release() }
        let session = "ktp-starting"
        try Self.start(session, Self.embeddedDashboard(data))
        do {
            let starting = try await Self.screen(session, showing: "starting…")
            #expect(starting.contains("app embedded"))
            #expect(starting.contains("no submissions yet"), "the ledger loads while the service starts")
            try await Self.keys(session, "r")
            let refused = try await Self.screen(session, showing: "still starting")
            #expect(refused.contains("the service is still starting"), "reprocessing waits for the service")
            release()
            let ready = try await Self.screen(session, showing: "127.0.0.1:", within: .seconds(60))
            #expect(!ready.contains("starting…"))
            try await Self.keys(session, "q")
            #expect(try await Self.screen(session, showing: "KTP_EXIT=").contains("KTP_EXIT=0"))
        } catch {
            _ = try? await Self.tmux(["kill-session", "-t", session])
            throw error
        }
        _ = try? await Self.tmux(["kill-session", "-t", session])
    }

    @Test(.timeLimit(.minutes(2)))
    func aServiceThatCannotStartClosesTheDashboardWithItsReason() async throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("ktp-nostart-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        let missing = data.appendingPathComponent("no-such-wilayah.csv").path
        let session = "ktp-nostart"
        try Self.start(session, Self.embeddedDashboard(data, ["--regions", missing]))
        do {
            let after = try await Self.screen(session, showing: "KTP_EXIT=", within: .seconds(60))
            #expect(after.contains("KTP_EXIT=1"))
            #expect(after.contains("the embedded service could not start"))
            #expect(after.replacingOccurrences(of: "\n", with: "").contains("no-such-wilayah.csv"), "and why")
            let alternate = try await Self.tmux(["display", "-p", "-t", session, "#{alternate_on}"])
            #expect(alternate.hasPrefix("0"), "the screen is restored")
        } catch {
            _ = try? await Self.tmux(["kill-session", "-t", session])
            throw error
        }
        _ = try? await Self.tmux(["kill-session", "-t", session])
    }

    /// TERM and INT end it cleanly; ABRT and SEGV stand for a crash, which still gives the terminal back.
    @Test(.timeLimit(.minutes(2)), arguments: ["TERM", "INT", "ABRT", "SEGV"])
    func aSignalEndsTheDashboardAndRestoresTheTerminal(signal: String) async throws {
        let expectedExit = ["TERM": "0", "INT": "0", "ABRT": "134", "SEGV": "139"][signal] ?? "?"
        let ktp = try #require(ChildProcess.ktp, "build ktp first (make test does)")
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("ktp-signal-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        let session = "ktp-signal-\(signal)"
        // Nothing listens on port 9: the dashboard must still open, on an empty ledger, and close cleanly.
        let command = [
            "env", "TERM=xterm-256color", "LANG=C.UTF-8", ktp.path, "dashboard", "--api", "http://127.0.0.1:9",
            "--app-id", "app", "--api-key", "key", "--ledger", data.appendingPathComponent("ledger.sqlite").path,
        ].joined(separator: " ")
        try ChildProcess.launch(
            Self.env,
            [
                "tmux", "-L", Self.socket, "new-session", "-d", "-s", session, "-x", "100", "-y", "30",
                command + "; echo KTP_EXIT=$?; sleep 60",
            ])
        do {
            let open = try await Self.screen(session, showing: "no submissions yet", within: .seconds(30))
            #expect(open.contains("0 pending"))
            let shell = try await Self.tmux(["display", "-p", "-t", session, "#{pane_pid}"])
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let child = try await ChildProcess.run(Self.env, ["pgrep", "-P", shell, "-f", "ktp dashboard"]).output
                .trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(!child.isEmpty)
            _ = try await ChildProcess.run(Self.env, ["kill", "-\(signal)", child])
            let after = try await Self.screen(session, showing: "KTP_EXIT=")
            #expect(after.contains("KTP_EXIT=\(expectedExit)"), "\(after)")
            let alternate = try await Self.tmux(["display", "-p", "-t", session, "#{alternate_on}"])
            #expect(alternate.hasPrefix("0"), "the screen is restored after SIG\(signal)")
        } catch {
            _ = try? await Self.tmux(["kill-session", "-t", session])
            throw error
        }
        _ = try? await Self.tmux(["kill-session", "-t", session])
    }
}

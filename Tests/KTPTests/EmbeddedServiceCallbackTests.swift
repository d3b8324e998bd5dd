import Foundation
import TestSupport
import Testing
@testable import KTP

/// Results delivered by the real embedded service (`ktp embedded-service`, as `ktp dashboard` and `ktp demo`
/// start it) to a tracker's receiver on loopback, with polls scheduled too far off to explain anything.
@Suite struct EmbeddedServiceCallbackTests {
    /// The service's process, its base URL and the key of its applications.
    struct RunningService {
        let process: Process
        let baseURL: URL
        let apiKey: String

        /// `nil` when it did not record a port within 90 s.
        static func start(in folder: URL) async throws -> RunningService? {
            let ktp = try #require(ChildProcess.ktp, "build ktp first (make test does)")
            let process = Process()
            process.executableURL = ktp
            process.arguments = ["embedded-service", "--directory", folder.path, "--idle-exit", "300"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let record = folder.appendingPathComponent("embedded-service.json").path
            let deadline = ContinuousClock.now + .seconds(90)
            while ContinuousClock.now < deadline, process.isRunning {
                if let data = FileManager.default.contents(atPath: record),
                    let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
                    let port = object["port"] as? Int
                {
                    let key = try String(
                        contentsOf: folder.appendingPathComponent("embedded-credentials"), encoding: .utf8)
                    return RunningService(
                        process: process, baseURL: URL(string: "http://127.0.0.1:\(port)")!,
                        apiKey: key.trimmingCharacters(in: .whitespacesAndNewlines))
                }
                // Waiting on another process's file: there is no clock of ours to inject.
                try await Task.sleep(for: .milliseconds(100))
            }
            process.terminate()
            return nil
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func aRowMovesByCallbackWithNoPollDue() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ktp-callback-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let service = try #require(try await RunningService.start(in: folder), "the embedded service did not start")
        defer { service.process.terminate() }
        let client = KTPClient(baseURL: service.baseURL, appID: "embedded-sandbox", apiKey: service.apiKey)
        let ledger = try Ledger(path: folder.appendingPathComponent("ledger.sqlite").path)
        // Every poll, the first one included, is a quarter of an hour away: only a callback moves the row.
        let schedule = PollSchedule(first: .seconds(900), cap: .seconds(900))
        let tracker = Tracker(
            client: client, ledger: ledger,
            configuration: .init(receiver: Tracker.Receiver(port: 0), pollSchedule: schedule))
        let (listening, signal) = AsyncStream.makeStream(of: Int.self)
        let running = Task { try await tracker.run { signal.yield($0) } }
        defer { running.cancel() }
        var port = 0
        for await bound in listening {
            port = bound
            break
        }
        let submitter = Submitter(
            client: client, ledger: ledger, callbackURL: Tracker.Receiver(port: port).url, pollSchedule: schedule)
        let sent = try await submitter.submit(.sandboxCode("KTP_BD"))

        // A sandbox result is ready within a poll of the service's own queue: its callback may land before the
        // submit's answer is recorded.
        var final: Submission? = sent.state.isTerminal ? sent : nil
        if final == nil {
            for await change in ledger.watch(after: sent.revision, every: .milliseconds(50))
            where change.id == sent.id && change.state.isTerminal {
                final = change
                break
            }
        }
        #expect(final?.state == .complete)
        #expect(final?.quality == ImageQuality(blur: true, dark: true))
        #expect(final?.pollCount == 0)
        let events = try await ledger.events(submissionID: sent.id)
        #expect(events.filter { $0.kind == .callbackReceived }.count == 1)
        #expect(!events.contains { $0.kind == .polled })
        #expect(final?.options.callbackURL == nil, "the session's receiver is sent, not recorded")
        try await client.shutdown()
    }
}

import Foundation
import TestSupport
import Testing
@testable import KTP

/// Two `ktp submit` processes writing one ledger file at once, while this process watches it.
@Suite struct TwoProcessLedgerTests {
    @Test(.timeLimit(.minutes(2)))
    func concurrentWritersLoseNothingAndAWatcherSeesThem() async throws {
        let service = try await LiveService.start()
        let ledgerPath = service.directory.appendingPathComponent("shared-ledger.sqlite").path
        let ledger = try Ledger(path: ledgerPath)
        let watcher = Tracker(client: service.client("box-app"), ledger: ledger).changes()
        var processes: [Process] = []
        for _ in 0..<2 {
            let process = Process()
            let ktp: URL = try #require(ChildProcess.ktp, "build ktp first (make test does)")
            process.executableURL = ktp
            process.arguments =
                [
                    "submit", "--api", service.baseURL.absoluteString, "--app-id", "box-app", "--api-key", "box-key",
                    "--ledger", ledgerPath,
                ] + Array(repeating: "sandbox:KTP", count: 25)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            processes.append(process)
        }
        var seen = Set<String>()
        for await change in watcher {
            seen.insert(change.referenceID)
            if seen.count == 50 { break }
        }
        for process in processes {
            #expect(await ChildProcess.wait(for: process) == 0)
        }
        let all = try await ledger.submissions()
        #expect(all.count == 50)
        #expect(Set(all.map(\.referenceID)) == seen, "the watcher saw every submission of both processes")
        for entry in all {
            #expect(try await ledger.events(submissionID: entry.id).first?.kind == .submitted)
        }
        await service.stop()
    }
}

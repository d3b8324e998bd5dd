import Foundation
import Testing
@testable import KTP

/// The README's program, line for line, against the real service (sandbox codes stand in for photos).
@Suite struct SDKProgramTests {
    @Test(.timeLimit(.minutes(2)))
    func submitAHundredWatchThemEndAndReprocessTheFailedOnes() async throws {
        let service = try await LiveService.start()
        let photos: [Photo] = (0..<100).map { .sandboxCode($0 % 10 == 0 ? "NO_KTP_DETECTED" : "KTP") }

        // The README's program starts here.
        let client = KTPClient(baseURL: service.baseURL, appID: "box-app", apiKey: "box-key")
        let ledger = try Ledger(path: service.directory.appendingPathComponent("ledger.sqlite").path)
        let tracker = Tracker(client: client, ledger: ledger)
        let changes = tracker.changes()
        let tracking = Task { try await tracker.run() }
        let submitter = Submitter(client: client, ledger: ledger)
        var pending = Set<Int64>()
        for photo in photos { pending.insert(try await submitter.submit(photo).id) }
        for await change in changes where change.state.isTerminal {
            pending.remove(change.id)
            if pending.isEmpty { break }
        }
        let again = try await submitter.reprocess(matching: LedgerFilter(state: .failed))
        tracking.cancel()
        try await client.shutdown()
        // The README's program ends here.

        #expect(try await ledger.submissions(matching: LedgerFilter(state: .complete)).count == 90)
        #expect(again.count == 10)
        #expect(again.allSatisfy { $0.reprocessOf != nil })
        await service.stop()
    }
}

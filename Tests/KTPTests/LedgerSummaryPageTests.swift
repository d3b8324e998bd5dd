import Foundation
import Testing
@testable import KTP

/// The list's view of the ledger on a real SQLite file: summaries read in pages, and `TOOK` taken from the
/// result's own timestamps.
@Suite struct LedgerSummaryPageTests {
    @Test func pagesHoldEveryRowOnceAndStartWithTheNewestSubmitted() async throws {
        let temporary = LedgerTests.Temporary()
        defer { temporary.remove() }
        let ledger = try temporary.open()
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        // Inserted in an order unlike their submission times, as an import leaves them.
        let minutes = [5, 1, 9, 3, 7, 2, 8, 4, 6, 0]
        for (index, minute) in minutes.enumerated() {
            _ = try await ledger.insert(
                LedgerTests.new(String(format: "page-%05d", index)), now: start.addingTimeInterval(Double(minute * 60)))
        }
        var pages: [[SubmissionSummary]] = []
        for try await page in ledger.summaryPages(size: 3) { pages.append(page) }

        #expect(pages.allSatisfy { !$0.isEmpty && $0.count <= 3 })
        #expect(pages.first?.map(\.referenceID) == ["page-00002", "page-00006", "page-00004"])
        let all = pages.flatMap { $0 }
        #expect(all.count == minutes.count)
        #expect(Set(all.map(\.id)).count == minutes.count)
        let full = Dictionary(uniqueKeysWithValues: try await ledger.submissions().map { ($0.id, $0.summary) })
        #expect(all.allSatisfy { full[$0.id] == $0 })
    }

    @Test func anEmptyLedgerGivesOneEmptyPage() async throws {
        let temporary = LedgerTests.Temporary()
        defer { temporary.remove() }
        var pages: [[SubmissionSummary]] = []
        for try await page in try temporary.open().summaryPages() { pages.append(page) }
        #expect(pages == [[]])
    }

    @Test func tookIsTheResultsOwnTimesNotWhenTheTrackerNoticed() async throws {
        let temporary = LedgerTests.Temporary()
        defer { temporary.remove() }
        let ledger = try temporary.open()
        let sent = Date(timeIntervalSince1970: 1_800_000_000)
        let entry = try await ledger.insert(LedgerTests.new("took-0001"), now: sent)
        // The service's clock runs 40 s apart from ours; it took 2 s; the callback came 15 s after the submit.
        let serverSubmitted = sent.addingTimeInterval(40)
        var body = LedgerTests.success("took-0001")
        body.data.submittedAt = serverSubmitted
        body.data.completedAt = serverSubmitted.addingTimeInterval(2)
        try await ledger.recordCallback(body, api: "http://api.test", appID: "app", now: sent.addingTimeInterval(15))

        let summary = try #require(try await ledger.summaries().first)
        #expect(summary.processingTime == 2)
        #expect(try await ledger.submission(id: entry.id)?.processingTime == 2)
        var pages: [SubmissionSummary] = []
        for try await page in ledger.summaryPages() { pages += page }
        #expect(pages.map(\.processingTime) == [2])
    }

    @Test func aResultWithoutTimesHasNoTookRatherThanTheTrackersDelay() async throws {
        let temporary = LedgerTests.Temporary()
        defer { temporary.remove() }
        let ledger = try temporary.open()
        let sent = Date(timeIntervalSince1970: 1_800_000_000)
        let entry = try await ledger.insert(LedgerTests.new("took-0002"), now: sent)
        var body = LedgerTests.success("took-0002")
        body.data.submittedAt = nil
        body.data.completedAt = nil
        try await ledger.recordCallback(body, api: "http://api.test", appID: "app", now: sent.addingTimeInterval(15))

        #expect(try await ledger.submission(id: entry.id)?.state == .complete)
        #expect(try await ledger.submission(id: entry.id)?.processingTime == nil)
        #expect(try await ledger.summaries().first?.processingTime == nil)
    }
}

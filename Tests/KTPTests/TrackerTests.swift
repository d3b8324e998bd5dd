import AsyncHTTPClient
import Foundation
import NIOCore
import Testing
import TestSupport
@testable import KTP

/// The tracker against the real service: callbacks, polls, their races, restarts, the rate limit and photo purges.
@Suite struct TrackerTests {
    static func post(_ url: String, authorization: String?, body: String) async throws -> Int {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        if let authorization { request.headers.add(name: "Authorization", value: authorization) }
        request.body = .bytes(ByteBuffer(string: body))
        return Int(try await HTTPClient.shared.execute(request, timeout: .seconds(10)).status.code)
    }

    @Test func theReceiverChecksTheAppPasswordAndAnswersOnlyAfterTheLedgerWrite() async throws {
        let service = try await LiveService.start()
        let ledger = try service.ledger()
        let client = service.client("box-app")
        let port = try LoopbackPort.free()
        let tracker = Tracker(
            client: client, ledger: ledger,
            configuration: .init(
                receiver: Tracker.Receiver(port: port), pollSchedule: PollSchedule(first: .seconds(600))))
        let (ready, signal) = AsyncStream.makeStream(of: Int.self)
        let running = Task { try await tracker.run { signal.yield($0) } }
        for await _ in ready { break }
        let entry = try await ledger.insert(
            NewSubmission(api: client.api, appID: "box-app", referenceID: "cb-test-1", options: SubmitOptions()))
        let body = String(
            decoding: try ResultBody.makeEncoder().encode(LedgerTests.success("cb-test-1")), as: UTF8.self)
        let url = "http://127.0.0.1:\(port)/ktp/callback"
        #expect(try await Self.post(url, authorization: BasicCredentials.header(appID: "wrong-app"), body: body) == 401)
        #expect(try await Self.post(url, authorization: nil, body: body) == 401)
        #expect(try await ledger.submission(id: entry.id)?.state == .pending, "a refused callback writes nothing")
        #expect(try await Self.post(url, authorization: BasicCredentials.header(appID: "box-app"), body: "{") == 400)
        #expect(try await Self.post(url, authorization: BasicCredentials.header(appID: "box-app"), body: body) == 200)
        #expect(try await ledger.submission(id: entry.id)?.state == .complete, "written before the 200")
        #expect(try await Self.post(url, authorization: BasicCredentials.header(appID: "box-app"), body: body) == 200)
        #expect(try await ledger.events(submissionID: entry.id).count == 2, "the duplicate added nothing")
        let stranger = body.replacingOccurrences(of: "cb-test-1", with: "cb-test-9")
        #expect(
            try await Self.post(url, authorization: BasicCredentials.header(appID: "box-app"), body: stranger) == 404)
        running.cancel()
        try await client.shutdown()
        await service.stop()
    }

    @Test(.timeLimit(.minutes(2)))
    func callbacksAndPollsRacingLeaveOneTerminalStateAndNoDuplicateEvents() async throws {
        let service = try await LiveService.start()
        let ledger = try service.ledger()
        let client = service.client("box-app")
        let receiver = Tracker.Receiver(port: try LoopbackPort.free())
        let tracker = Tracker(
            client: client, ledger: ledger,
            configuration: .init(
                receiver: receiver, pollSchedule: PollSchedule(first: .milliseconds(1), cap: .milliseconds(1)),
                pollsPerSecond: 200, watchInterval: .milliseconds(20)))
        let (ready, signal) = AsyncStream.makeStream(of: Int.self)
        let running = Task { try await tracker.run { signal.yield($0) } }
        for await _ in ready { break }
        let submitter = Submitter(client: client, ledger: ledger)
        let codes = ["KTP", "KTP_BD", "NO_KTP_DETECTED", "KTP_G", "KTP_F"]
        var entries: [Submission] = []
        for index in 0..<20 {
            let code = codes[index % codes.count]
            entries.append(
                try await submitter.submit(
                    .sandboxCode(code),
                    options: SubmitOptions(callbackURL: receiver.url, validateQuality: index % 2 == 0)))
        }
        #expect(
            try await eventually(timeout: .seconds(60)) {
                try await ledger.submissions(matching: LedgerFilter(state: .pending)).isEmpty
            })
        #expect(
            try await eventually(timeout: .seconds(30)) {
                var received = 0
                for entry in entries {
                    received += try await ledger.events(submissionID: entry.id).filter { $0.kind == .callbackReceived }
                        .count
                }
                return received == entries.count
            }, "every callback arrived, after or before the poll")
        running.cancel()
        for entry in entries {
            let events = try await ledger.events(submissionID: entry.id)
            let terminal = events.filter { $0.kind == .statusChanged }
            #expect(terminal.count == 1, "\(entry.referenceID): \(terminal.map(\.detail))")
            #expect(events.filter { $0.kind == .callbackReceived }.count == 1)
            #expect(Set(events.map(\.id)).count == events.count)
        }
        let failed = try await ledger.submissions(matching: LedgerFilter(state: .failed))
        #expect(Set(failed.compactMap(\.errorCode)) == [.failOn1, .ktpNotDetected])
        try await client.shutdown()
        await service.stop()
    }

    @Test(.timeLimit(.minutes(1)))
    func pendingSubmissionsFromAnEarlierRunArePolledToTheEnd() async throws {
        let service = try await LiveService.start()
        let client = service.client("box-app")
        let before = try service.ledger()
        let submitted = try await Submitter(client: client, ledger: before).submit(.sandboxCode("KTP_DG"))
        #expect(submitted.state == .pending)
        let afterRestart = try service.ledger()
        let tracker = Tracker(
            client: client, ledger: afterRestart, configuration: .init(watchInterval: .milliseconds(50)))
        let changes = tracker.changes(after: 0)
        let running = Task { try await tracker.run() }
        var final: Submission?
        for await change in changes where change.id == submitted.id && change.state.isTerminal {
            final = change
            break
        }
        running.cancel()
        #expect(final?.state == .complete)
        #expect(final?.quality == ImageQuality(dark: true, grayscale: true))
        try await client.shutdown()
        await service.stop()
    }

    @Test(.timeLimit(.minutes(1)))
    func thePollerKeepsToTheRateLimitOverAllPendingSubmissions() async throws {
        let server = FaultServer()
        let port = await server.start()
        let client = KTPClient(baseURL: URL(string: "http://127.0.0.1:\(port)")!, appID: "app", apiKey: "key")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ktp-rate-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let ledger = try Ledger(path: directory.appendingPathComponent("ledger.sqlite").path)
        for index in 0..<40 {
            _ = try await ledger.insert(
                NewSubmission(
                    api: client.api, appID: "app", referenceID: "rate-\(index)", options: SubmitOptions()),
                now: Date().addingTimeInterval(-60))
        }
        let tracker = Tracker(
            client: client, ledger: ledger,
            configuration: .init(pollSchedule: PollSchedule(first: .milliseconds(1)), pollsPerSecond: 10))
        let running = Task { try await tracker.run() }
        try await Task.sleep(for: .seconds(2))
        running.cancel()
        let polls = await server.received.filter { $0.method == "GET" }.count
        // Half the rate at least: a loaded machine may start the poller late; the bound that matters is above.
        #expect(polls >= 5, "the poller ran")
        #expect(polls <= 10 + 2 * 10 + 2, "10 a second plus a burst of 10, over 2 s: \(polls)")
        try await client.shutdown()
        await server.stop()
    }

    @Test func pollScheduleDoublesFromOneSecondUpToThirty() {
        let schedule = PollSchedule()
        #expect((1...7).map(schedule.delay(afterPolls:)).map { $0.components.seconds } == [1, 2, 4, 8, 16, 30, 30])
    }

    @Test func photosPastTheirRetentionArePurgedOnTheTrackersSchedule() async throws {
        let service = try await LiveService.start()
        let ledger = try service.ledger()
        let client = service.client("box-app")
        let tracker = Tracker(
            client: client, ledger: ledger,
            configuration: .init(
                pollSchedule: PollSchedule(first: .seconds(600)), photoPurgeInterval: .milliseconds(100)))
        let running = Task { try await tracker.run() }
        let entry = try await ledger.insert(
            NewSubmission(
                api: client.api, appID: "box-app", referenceID: "purge-0001", options: SubmitOptions(),
                photoSHA256: "sha-purge-0001", keptPhoto: [1], photoRetention: PhotoRetention(failed: .seconds(1))))
        let failed = ResultBody(
            errorCode: .ktpNotDetected, data: ExtractionResult(referenceID: "purge-0001", status: .failed))
        try await ledger.recordPoll(entry.id, outcome: .success(failed), nextPollAt: Date())
        let file = ledger.photos.path + "/sha-purge-0001"
        #expect(FileManager.default.fileExists(atPath: file), "kept for its second after the failure")
        #expect(try await eventually(timeout: .seconds(20)) { !FileManager.default.fileExists(atPath: file) })
        running.cancel()
        _ = await running.result
        try await client.shutdown()
        await service.stop()
    }

    @Test func aPurgeCancelledWithTheTrackerIsNotReportedAsAFailure() async throws {
        let temporary = LedgerTests.Temporary()
        defer { temporary.remove() }
        let ledger = try temporary.open()
        let client = KTPClient(baseURL: URL(string: "http://127.0.0.1:9")!, appID: "app", apiKey: "key")
        let capture = LogCapture()
        let tracker = Tracker(client: client, ledger: ledger, logger: capture.logger(label: "ktp.tracker"))
        // The ledger's writer is held, so that the purge is waiting for it when the tracker stops.
        let release = DispatchSemaphore(value: 0)
        let (held, holding) = AsyncStream.makeStream(of: Void.self)
        let holder = Task {
            try await ledger.pool.write { _ in
                holding.yield()
                release.wait()
            }
        }
        for await _ in held { break }
        let housekeeping = Task { await tracker.purgePhotosOnSchedule() }
        #expect(try await eventually { capture.recorded.contains { $0.contains("purging") } })
        housekeeping.cancel()
        release.signal()
        await housekeeping.value
        try await holder.value
        #expect(capture.recorded.filter { !$0.hasPrefix("debug") } == [])
        try await client.shutdown()
    }

    @Test func basicCredentialsAcceptOnlyTheExactAppPair() {
        let header = BasicCredentials.header(appID: "app-1")
        #expect(header == "Basic " + Data("app-1:app-1".utf8).base64EncodedString())
        #expect(BasicCredentials.verify(header, appID: "app-1"))
        #expect(!BasicCredentials.verify(header, appID: "app-2"))
        #expect(!BasicCredentials.verify(header + "x", appID: "app-1"))
        #expect(!BasicCredentials.verify(String(header.dropLast()), appID: "app-1"))
        #expect(!BasicCredentials.verify(nil, appID: "app-1"))
    }
}

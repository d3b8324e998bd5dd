import AsyncHTTPClient
import Foundation
import HummingbirdTesting
import KTPLoad
import Testing
@testable import KTPServer

/// `ktp load`'s runner against the real routes and store on loopback.
@Suite struct LoadRunnerTests {
    @Test func aShortRunSubmitsOnScheduleAndCountsEveryAnswer() async throws {
        let harness = try await ExtractionAPITests.Harness()
        let photo = try [UInt8](
            Data(contentsOf: WorkerEndToEndTests.fixtures.appendingPathComponent("0001-ktp-clean.jpg")))
        let report = try await harness.server.application().test(.live) { api in
            var runner = LoadRunner(
                baseURL: "http://127.0.0.1:\(api.port!)", appID: "app-live", apiKey: "live-key", photo: photo,
                schedule: LoadSchedule(rate: 20, duration: .seconds(1)))
            runner.runID = "test"
            return try await runner.run(client: HTTPClient.shared)
        }
        #expect(report.tally.sent == 20)
        #expect(report.tally.acceptedLatencies.count == 20)
        #expect(report.tally.refusals.isEmpty)
        // The last submit is due at 950 ms; the run cannot end before it.
        #expect(report.tally.lastAnswer >= .milliseconds(950))
        #expect(report.completions.map(\.done) == [0, 0], "no workers ran, so nothing completed")
        #expect(try await harness.temporary.store.countsByState()[.queued] == 20)
        #expect(try await harness.temporary.store.job(applicationID: "app-live", referenceID: "load-test-19") != nil)
    }

    @Test func refusalsAreCountedByStatusAndCode() async throws {
        let harness = try await ExtractionAPITests.Harness()
        let report = try await harness.server.application().test(.live) { api in
            let runner = LoadRunner(
                baseURL: "http://127.0.0.1:\(api.port!)", appID: "app-live", apiKey: "wrong", photo: [0xFF, 0xD8],
                schedule: LoadSchedule(rate: 10, duration: .milliseconds(500)))
            return try await runner.run(client: HTTPClient.shared)
        }
        #expect(report.tally.acceptedLatencies.isEmpty)
        #expect(report.tally.refusals == ["401 UNAUTHORIZED": 5])
    }
}

import AsyncHTTPClient
import Foundation
import HummingbirdTesting
import KTPVision
import Logging
import Testing
import TestSupport
@testable import KTPServer

/// Everything the service logs through a real extraction, callback included, read back: no
/// record may carry the card's full NIK or full name.
@Suite struct LogMaskingTests {
    @Test func noLogRecordCarriesTheFullNIKOrName() async throws {
        let capture = LogCapture()
        let logger = capture.logger(label: "ktp.test")
        let temporary = try TemporaryStore()
        try await temporary.store.save(ClientApp(id: "app-live", key: "live-key", mode: .live))
        let engine = try ExtractorPool(
            workers: 1, configuration: ExtractorConfiguration(regions: try WorkerEndToEndTests.regions()))
        defer { engine.shutdown() }
        let server = ExtractionServer(
            store: temporary.store, engine: engine, port: 0, workers: 1, allowsInsecureURLs: true, logger: logger)
        var workers = JobWorkers(
            store: temporary.store, processor: JobProcessor(engine: engine), workers: 1, logger: logger)
        workers.pollInterval = .milliseconds(20)
        // The result's status, NIK and name.
        let read: (String?, String?, String?) = try await HTTPClient.scoped { client in
            var dispatcher = CallbackDispatcher(
                store: temporary.store, client: client,
                outbound: OutboundGuard(policy: URLPolicy(allowsInsecure: true)), logger: logger)
            dispatcher.schedule = CallbackSchedule(unit: .milliseconds(5), cap: .milliseconds(20))
            dispatcher.pollInterval = .milliseconds(20)
            let background = Task { [workers, dispatcher] in
                try await withThrowingDiscardingTaskGroup { group in
                    group.addTask { try await workers.run() }
                    group.addTask { try await dispatcher.run() }
                }
            }
            let receiver = CallbackDispatcherTests.Receiver(failures: 1)
            let answer: (String?, String?, String?)
            do {
                answer = try await receiver.application().test(.live) { receiving in
                    try await server.application().test(.live) { api in
                        let photo = try WorkerEndToEndTests.base64("0001-ktp-clean.jpg")
                        let body =
                            #"{"image": "\#(photo)", "reference_id": "mask-001", "#
                            + #""callback_url": "http://127.0.0.1:\#(receiving.port!)/cb"}"#
                        #expect(try await ExtractionAPITests.submit(api, body).0 == 200)
                        let deadline = ContinuousClock.now + .seconds(120)
                        while ContinuousClock.now < deadline {
                            let record = try await temporary.store.callbacks(
                                applicationID: "app-live", referenceID: "mask-001")
                            if record?.state == .delivered { break }
                            try await Task.sleep(for: .milliseconds(100))
                        }
                        let data = try await ExtractionAPITests.result(api, "mask-001").1["data"] as? [String: Any]
                        return (data?["status"] as? String, data?["nik"] as? String, data?["full_name"] as? String)
                    }
                }
            } catch {
                background.cancel()
                _ = await background.result
                throw error
            }
            background.cancel()
            _ = await background.result
            return answer
        }
        #expect(read.0 == "SUCCESS")
        let nik = try #require(read.1)
        let name = try #require(read.2)
        #expect(nik.count == 16 && name.count >= 3, "the photo must be read for this test to mean anything")
        let lines = capture.recorded
        // The records that would carry personal data if anything did.
        for message in ["accepted", "job done", "callback attempt"] {
            #expect(lines.contains { $0.contains(message) }, "no '\(message)' record")
        }
        for line in lines {
            #expect(!line.contains(nik), "a full NIK in: \(line)")
            #expect(!line.contains(name), "a full name in: \(line)")
        }
    }
}

import Foundation
import HummingbirdTesting
import KTPContract
import KTPVision
import Logging
import TestSupport
import Testing
@testable import KTPServer

/// Real photos through the routes, the job store and the real engine.
@Suite struct WorkerEndToEndTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../KTPVisionTests/Fixtures").standardized

    static func base64(_ name: String) throws -> String {
        try Data(contentsOf: fixtures.appendingPathComponent(name)).base64EncodedString()
    }

    static func regions() throws -> RegionTable {
        try RegionTable.load(path: RegionTablePath.resolved)
    }

    @Test func realPhotosEndInSuccessFailOn1AndNotDetected() async throws {
        let engine = try ExtractorPool(workers: 1, configuration: ExtractorConfiguration(regions: try Self.regions()))
        let harness = try await ExtractionAPITests.Harness(engine: engine)
        var workers = JobWorkers(
            store: harness.temporary.store, processor: JobProcessor(engine: engine), workers: 1,
            logger: ExtractionAPITests.logger)
        workers.pollInterval = .milliseconds(20)
        let running = Task { [workers] in try await workers.run() }
        defer { running.cancel() }
        let submissions = [
            ("e2e-clean", "0001-ktp-clean.jpg", false), ("e2e-dark", "0003-ktp-D.jpg", true),
            ("e2e-negative", "0010-negative-student_id.jpg", true),
        ]
        try await harness.server.application().test(.live) { client in
            for (ref, file, validate) in submissions {
                let body =
                    #"{"image": "\#(try Self.base64(file))", "reference_id": "\#(ref)", "#
                    + #""validate_quality": \#(validate)}"#
                #expect(try await ExtractionAPITests.submit(client, body).0 == 200)
            }
            var results: [String: [String: Any]] = [:]
            let deadline = ContinuousClock.now + .seconds(120)
            while results.count < submissions.count, ContinuousClock.now < deadline {
                for (ref, _, _) in submissions where results[ref] == nil {
                    let (_, body) = try await ExtractionAPITests.result(client, ref)
                    if (body["data"] as? [String: Any])?["status"] as? String != "PROCESSING" { results[ref] = body }
                }
                try await Task.sleep(for: .milliseconds(200))
            }
            let clean = results["e2e-clean"]?["data"] as? [String: Any]
            #expect(clean?["status"] as? String == "SUCCESS")
            #expect(results["e2e-clean"]?.keys.contains("error_code") == false, "error_code only when FAILED")
            #expect((clean?["nik"] as? String)?.count == 16)
            #expect((clean?["confidence"] as? [String: Double])?.count == 17)
            #expect(clean?["completed_at"] != nil)
            #expect(results["e2e-dark"]?["error_code"] as? String == "FAIL_ON_1")
            #expect(results["e2e-negative"]?["error_code"] as? String == "KTP_NOT_DETECTED")
        }
        let stored = try #require(
            try await harness.temporary.store.job(applicationID: "app-live", referenceID: "e2e-clean"))
        #expect(stored.image == nil, "the image is deleted once the result is stored")
        engine.shutdown()
    }
}

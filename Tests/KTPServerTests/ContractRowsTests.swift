import AsyncHTTPClient
import Foundation
import GRDB
import HummingbirdTesting
import KTPContract
import KTPVision
import NIOCore
import Testing
@testable import KTPServer

/// Rows of the contract's tables over real sockets that the other suites do not reach: the
/// order of the checks after the body's own, quota under concurrency, the result's shapes, the
/// result's other inputs, and the internal error.
@Suite struct ContractRowsTests {
    typealias API = ExtractionAPITests

    /// A JPEG of `width` × `height` with its last bytes cut off.
    static func truncatedJPEG(width: Int, height: Int) throws -> String {
        let bytes = try Raster(RGBImage(width: width, height: height, fill: (90, 120, 160))).jpegData(quality: 80)
        return Data(bytes.prefix(bytes.count - 64)).base64EncodedString()
    }

    @Test func checksSevenToTwelveAnswerInTheContractsOrder() async throws {
        let harness = try await API.Harness()
        let image = try API.jpegBase64()
        let test = (app: "app-test", key: "test-key")
        try await harness.server.application().test(.live) { client in
            #expect(
                try await API.submit(
                    client, app: test.app, key: test.key, #"{"image": "\#(image)", "reference_id": "ord-0001"}"#
                ).0 == 200)
            // 7 before 8 and 10: a used reference_id on a spent quota with a bad image.
            let reused = try await API.submit(
                client, app: test.app, key: test.key, #"{"image": "!!!", "reference_id": "ord-0001"}"#)
            #expect(reused.0 == 400 && reused.1["error_code"] as? String == "INVALID_PAYLOAD_REFERENCE_ID_EXISTS")
            // 6 before 7.
            let dependency = try await API.submit(
                client, app: test.app, key: test.key,
                #"{"image": "!!!", "reference_id": "ord-0001", "is_quality": false, "validate_quality": true}"#)
            #expect(dependency.1["error_code"] as? String == "INVALID_PAYLOAD_QUALITY_VALIDATION_DEPENDENCY")
            // 8 before 9 and 10.
            let spent = try await API.submit(client, app: test.app, key: test.key, #"{"image": "!!!"}"#)
            #expect(spent.0 == 403 && spent.1["error_code"] as? String == "INSUFFICIENT_QUOTA")
            // 9 before 10: over 5 MiB once decoded, and not an image either.
            let big = String(repeating: "A", count: 7 << 20)
            #expect(
                try await API.submit(client, #"{"image": "\#(big)"}"#).1["error_code"] as? String
                    == "INVALID_PAYLOAD_IMAGE_SIZE")
            // 10.
            #expect(
                try await API.submit(client, #"{"image": "bm90IGFuIGltYWdl"}"#).1["error_code"] as? String
                    == "INVALID_PAYLOAD_IMAGE_FORMAT")
            // 11 before 12: a truncated photo whose header says it is too small.
            let small = try Self.truncatedJPEG(width: 400, height: 300)
            #expect(
                try await API.submit(client, #"{"image": "\#(small)"}"#).1["error_code"] as? String
                    == "INVALID_PAYLOAD_IMAGE_SIZE")
            // 12: a truncated photo of a good size.
            let truncated = try Self.truncatedJPEG(width: 1000, height: 700)
            let (status, body) = try await API.submit(client, #"{"image": "\#(truncated)"}"#)
            #expect(status == 400 && body["error_code"] as? String == "INVALID_PAYLOAD_IMAGE_FORMAT")
            #expect(body["message"] as? String != nil, "every error body has a message")
        }
    }

    @Test func aSpentQuotaAnswersBeforeTheImageURLsSchemeOrAddress() async throws {
        let harness = try await API.Harness()
        try await harness.temporary.store.save(ClientApp(id: "app-spent", key: "spent-key", mode: .testing(quota: 0)))
        try await HTTPClient.scoped(HTTPClient.Configuration(redirectConfiguration: .disallow)) { client in
            let fetcher = ImageFetcher(client: client, guard: OutboundGuard(policy: URLPolicy(allowsInsecure: false)))
            try await harness.server.application(fetcher: fetcher).test(.live) { api in
                for image in ["gopher://example.com/ktp.jpg", "https://[::1]/ktp.jpg", "http://10.0.0.1/k.jpg", "!!!"] {
                    let (status, body) = try await API.submit(
                        api, app: "app-spent", key: "spent-key", #"{"image": "\#(image)"}"#)
                    #expect(status == 403 && body["error_code"] as? String == "INSUFFICIENT_QUOTA", "\(image)")
                }
            }
        }
    }

    @Test func anImageURLOnALoopbackAddressIsUnfetchable() async throws {
        let harness = try await API.Harness()
        try await HTTPClient.scoped(HTTPClient.Configuration(redirectConfiguration: .disallow)) { client in
            let fetcher = ImageFetcher(client: client, guard: OutboundGuard(policy: URLPolicy(allowsInsecure: false)))
            try await harness.server.application(fetcher: fetcher).test(.live) { api in
                for url in ["https://127.0.0.1:9/ktp.jpg", "https://localhost:9/ktp.jpg", "https://[::1]:9/ktp.jpg"] {
                    let (status, body) = try await API.submit(api, #"{"image": "\#(url)"}"#)
                    #expect(status == 400 && body["error_code"] as? String == "INVALID_PAYLOAD_IMAGE_FORMAT", "\(url)")
                }
            }
        }
    }

    @Test func fiftyParallelSubmitsAgainstAQuotaOfTenGiveExactlyTenAccepted() async throws {
        let harness = try await API.Harness()
        try await harness.temporary.store.save(
            ClientApp(id: "app-ten", key: "ten-key", mode: .testing(quota: 10)))
        let image = try API.jpegBase64()
        let pool = HTTPClient.Configuration.ConnectionPool(
            idleTimeout: .seconds(30), concurrentHTTP1ConnectionsPerHostSoftLimit: 50)
        try await HTTPClient.scoped(HTTPClient.Configuration(connectionPool: pool)) { client in
            try await harness.server.application().test(.live) { api in
                let port = api.port!
                let answers = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
                    for index in 0..<50 {
                        group.addTask {
                            var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(ExtractionAPI.submitPath)")
                            request.method = .POST
                            request.headers.add(name: "App-ID", value: "app-ten")
                            request.headers.add(name: "API-Key", value: "ten-key")
                            request.body = .bytes(
                                ByteBuffer(string: #"{"image": "\#(image)", "reference_id": "par-\#(1000 + index)"}"#))
                            let response = try await client.execute(request, timeout: .seconds(60))
                            let body = try await response.body.collect(upTo: 1 << 20)
                            return (Int(response.status.code), API.json(body)["error_code"] as? String)
                        }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                #expect(answers.filter { $0.0 == 200 }.count == 10)
                #expect(answers.filter { $0 == (403, "INSUFFICIENT_QUOTA") }.count == 40)
            }
        }
        #expect(try await harness.temporary.store.application(id: "app-ten")?.mode.quotaRemaining == 0)
        #expect(try await harness.temporary.store.countsByState()[.queued] == 10)
    }

    @Test func resultShapesForProcessingSuccessAndFailureWithAndWithoutIsQuality() async throws {
        let harness = try await API.Harness()
        let box = (app: "app-box", key: "box-key")
        let submissions = [
            ("shape-nq-ok", #""image": "KTP_BD", "is_quality": false"#),
            ("shape-nq-fail", #""image": "NO_KTP_DETECTED", "is_quality": false"#),
            ("shape-q-fail", #""image": "NO_KTP_DETECTED""#),
            ("shape-v-fail", #""image": "KTP_B", "validate_quality": true"#),
        ]
        try await harness.server.application().test(.live) { client in
            for (ref, fields) in submissions {
                let body = #"{"reference_id": "\#(ref)", \#(fields)}"#
                #expect(try await API.submit(client, app: box.app, key: box.key, body).0 == 200)
            }
            let processing = try #require(
                try await API.result(client, app: box.app, key: box.key, "shape-nq-ok").1["data"] as? [String: Any])
            #expect(Set(processing.keys) == ["reference_id", "status", "submitted_at"])

            var workers = JobWorkers(
                store: harness.temporary.store, processor: JobProcessor(engine: API.UnusedEngine()), workers: 1,
                logger: API.logger)
            workers.pollInterval = .milliseconds(10)
            let running = Task { [workers] in try await workers.run() }
            defer { running.cancel() }
            var results: [String: [String: Any]] = [:]
            let deadline = ContinuousClock.now + .seconds(30)
            while results.count < submissions.count, ContinuousClock.now < deadline {
                for (ref, _) in submissions where results[ref] == nil {
                    let body = try await API.result(client, app: box.app, key: box.key, ref).1
                    if (body["data"] as? [String: Any])?["status"] as? String != "PROCESSING" { results[ref] = body }
                }
                try await Task.sleep(for: .milliseconds(20))
            }
            let failedKeys: Set<String> = ["reference_id", "status", "submitted_at", "completed_at"]

            let success = try #require(results["shape-nq-ok"])
            #expect(success["error_code"] == nil)
            let successData = try #require(success["data"] as? [String: Any])
            #expect(successData["status"] as? String == "SUCCESS")
            #expect(successData["image_quality"] == nil, "is_quality false leaves image_quality out")
            #expect(successData["nik"] as? String != nil && successData["confidence"] != nil)

            let failure = try #require(results["shape-nq-fail"])
            #expect(failure["error_code"] as? String == "KTP_NOT_DETECTED")
            #expect(Set(try #require(failure["data"] as? [String: Any]).keys) == failedKeys)

            let qualityFailure = try #require(results["shape-q-fail"]?["data"] as? [String: Any])
            #expect(Set(qualityFailure.keys) == failedKeys.union(["image_quality"]))

            let validated = try #require(results["shape-v-fail"])
            #expect(validated["error_code"] as? String == "FAIL_ON_1")
            let flags = (validated["data"] as? [String: Any])?["image_quality"] as? [String: Bool]
            #expect(flags == ["blur": true, "dark": false, "flashlight": false, "grayscale": false])
        }
    }

    @Test func theResultTakesItsReferenceIDFromTheQueryOrAJSONBody() async throws {
        let harness = try await API.Harness()
        let image = try API.jpegBase64()
        try await harness.server.application().test(.live) { client in
            #expect(try await API.submit(client, #"{"image": "\#(image)", "reference_id": "body-0001"}"#).0 == 200)
            try await client.execute(
                uri: ExtractionAPI.resultPath, method: .get, headers: API.headers("app-live", "live-key"),
                body: ByteBuffer(string: #"{"reference_id": "body-0001"}"#)
            ) { response in
                #expect(response.status == .ok)
                #expect((API.json(response.body)["data"] as? [String: Any])?["reference_id"] as? String == "body-0001")
            }
            let empty = try await API.result(client, "")
            #expect(empty.0 == 404 && empty.1["error_code"] as? String == "INVALID_PAYLOAD_REFERENCE_ID_NOT_FOUND")
            let long = try await API.result(client, String(repeating: "x", count: 65))
            #expect(long.0 == 400 && long.1["error_code"] as? String == "INVALID_PAYLOAD_REFERENCE_ID")
            // A sandbox application does not see a live application's submission either.
            let other = try await API.result(client, app: "app-box", key: "box-key", "body-0001")
            #expect(other.0 == 400 && other.1["error_code"] as? String == "INVALID_SANDBOX_CODE")
        }
    }

    @Test func theCallbacksEndpointShowsAnApplicationItsOwnDeliveriesOnly() async throws {
        let harness = try await API.Harness()
        let store = harness.temporary.store
        _ = try await store.enqueue(
            NewJob(
                applicationID: "app-live", referenceID: "cbk-0001",
                options: JobOptions(callbackURL: URL(string: "https://hooks.example.com/ktp")), image: [1],
                submittedAt: Date()))
        let job = try #require(try await store.claim(worker: "w", lane: .extraction, lease: .seconds(30), now: Date()))
        let result = ResultBody(data: ExtractionResult(referenceID: "cbk-0001", status: .success, submittedAt: Date()))
        #expect(
            try await store.complete(
                jobID: job.id, worker: "w", attempt: job.attempt, result: result, at: Date(), retainImage: false))
        try await harness.server.application().test(.live) { client in
            let path = ExtractionAPI.callbacksPath + "?reference_id=cbk-0001"
            try await client.execute(uri: path, method: .get, headers: API.headers("app-live", "live-key")) {
                response in
                #expect(response.status == .ok)
                let data = API.json(response.body)["data"] as? [String: Any]
                #expect(data?["reference_id"] as? String == "cbk-0001")
                #expect(data?["state"] as? String == "PENDING")
                #expect((data?["attempts"] as? [Any])?.isEmpty == true)
            }
            try await client.execute(uri: path, method: .get, headers: API.headers("app-other", "other-key")) {
                #expect($0.status == .notFound)
            }
        }
    }

    @Test func anUnexpectedFailureIsAnInternalServerError() async throws {
        let harness = try await API.Harness()
        let image = try API.jpegBase64()
        try await harness.temporary.store.pool.write { db in try db.execute(sql: "DROP TABLE callback; DROP TABLE job")
        }
        try await harness.server.application().test(.live) { client in
            let (status, body) = try await API.submit(client, #"{"image": "\#(image)"}"#)
            #expect(status == 500 && body["error_code"] as? String == "INTERNAL_SERVER_ERROR")
            let result = try await API.result(client, "ref-0001")
            #expect(result.0 == 500 && result.1["error_code"] as? String == "INTERNAL_SERVER_ERROR")
        }
    }
}

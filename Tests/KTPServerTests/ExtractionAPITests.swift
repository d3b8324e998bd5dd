import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KTPContract
import KTPVision
import Logging
import NIOCore
import Testing
@testable import KTPServer

/// The routes over real sockets on loopback, against a real SQLite file.
@Suite struct ExtractionAPITests {
    static let logger = Logger(label: "test")

    struct Harness {
        let temporary: TemporaryStore
        var server: ExtractionServer

        init(engine: any Extracting = UnusedEngine()) async throws {
            temporary = try TemporaryStore()
            let store = temporary.store
            try await store.save(ClientApp(id: "app-live", key: "live-key", mode: .live))
            try await store.save(ClientApp(id: "app-other", key: "other-key", mode: .live))
            try await store.save(ClientApp(id: "app-test", key: "test-key", mode: .testing(quota: 1)))
            try await store.save(ClientApp(id: "app-box", key: "box-key", mode: .sandbox))
            server = ExtractionServer(store: store, engine: engine, port: 0, workers: 1, logger: logger)
        }
    }

    /// The routes alone never call the engine; a call is a test failure.
    struct UnusedEngine: Extracting {
        func extract(_ bytes: [UInt8]) async throws -> Extraction {
            Issue.record("the engine was called")
            throw CancellationError()
        }
    }

    static func headers(_ app: String, _ key: String) -> HTTPFields {
        [HTTPField.Name("App-ID")!: app, HTTPField.Name("API-Key")!: key, .contentType: "application/json"]
    }

    static func json(_ buffer: ByteBuffer) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any]) ?? [:]
    }

    static func jpegBase64(width: Int = 800, height: Int = 600) throws -> String {
        Data(try Raster(RGBImage(width: width, height: height, fill: (190, 215, 235))).jpegData(quality: 70))
            .base64EncodedString()
    }

    static func submit(
        _ client: some TestClientProtocol, app: String = "app-live", key: String = "live-key",
        _ body: String
    ) async throws -> (Int, [String: Any]) {
        try await client.execute(
            uri: ExtractionAPI.submitPath, method: .post, headers: headers(app, key),
            body: ByteBuffer(string: body)
        ) { (Int($0.status.code), json($0.body)) }
    }

    static func result(
        _ client: some TestClientProtocol, app: String = "app-live", key: String = "live-key",
        _ ref: String
    ) async throws -> (Int, [String: Any]) {
        try await client.execute(
            uri: ExtractionAPI.resultPath + "?reference_id=\(ref)", method: .get,
            headers: headers(app, key)
        ) { (Int($0.status.code), json($0.body)) }
    }

    @Test func aMissingOrWrongKeyIsUnauthorized() async throws {
        let harness = try await Harness()
        try await harness.server.application().test(.live) { client in
            let (status, body) = try await Self.submit(client, key: "wrong", #"{"image": "abc"}"#)
            #expect(status == 401)
            #expect(body["error_code"] as? String == "UNAUTHORIZED")
            try await client.execute(uri: ExtractionAPI.resultPath + "?reference_id=abc123", method: .get) {
                #expect($0.status == .unauthorized)
            }
        }
    }

    @Test func anAcceptedSubmitIsProcessingAndIsolatedPerApplication() async throws {
        let harness = try await Harness()
        let image = try Self.jpegBase64()
        try await harness.server.application().test(.live) { client in
            let (status, body) = try await Self.submit(client, #"{"image": "\#(image)", "reference_id": "ref-001"}"#)
            #expect(status == 200)
            #expect(body["message"] as? String == "Request accepted")
            let data = body["data"] as? [String: Any]
            #expect(data?["reference_id"] as? String == "ref-001")
            #expect(data?["status"] as? String == "PROCESSING")
            let (resultStatus, result) = try await Self.result(client, "ref-001")
            #expect(resultStatus == 200)
            let resultData = result["data"] as? [String: Any]
            #expect(resultData?["status"] as? String == "PROCESSING")
            #expect(resultData?["nik"] == nil)
            #expect(resultData?["submitted_at"] != nil)
            let (otherStatus, other) = try await Self.result(client, app: "app-other", key: "other-key", "ref-001")
            #expect(otherStatus == 404)
            #expect(other["error_code"] as? String == "INVALID_PAYLOAD_REFERENCE_ID_NOT_FOUND")
            let (again, againBody) = try await Self.submit(
                client, #"{"image": "\#(image)", "reference_id": "ref-001"}"#)
            #expect(again == 400)
            #expect(againBody["error_code"] as? String == "INVALID_PAYLOAD_REFERENCE_ID_EXISTS")
        }
    }

    @Test func aSubmitWithoutReferenceIDGetsAGeneratedOne() async throws {
        let harness = try await Harness()
        let image = try Self.jpegBase64()
        try await harness.server.application().test(.live) { client in
            let (status, body) = try await Self.submit(client, #"{"image": "\#(image)"}"#)
            #expect(status == 200)
            let id = try #require((body["data"] as? [String: Any])?["reference_id"] as? String)
            #expect(SubmitValidator.checkReferenceID(id) == nil)
            #expect(try await Self.result(client, id).0 == 200)
        }
    }

    @Test func theTestingQuotaIsSpentOnlyOnAcceptance() async throws {
        let harness = try await Harness()
        let image = try Self.jpegBase64()
        try await harness.server.application().test(.live) { client in
            let (bad, _) = try await Self.submit(client, app: "app-test", key: "test-key", #"{"image": "!!!"}"#)
            #expect(bad == 400)
            let (ok, _) = try await Self.submit(client, app: "app-test", key: "test-key", #"{"image": "\#(image)"}"#)
            #expect(ok == 200)
            let (spent, body) = try await Self.submit(
                client, app: "app-test", key: "test-key", #"{"image": "\#(image)"}"#)
            #expect(spent == 403)
            #expect(body["error_code"] as? String == "INSUFFICIENT_QUOTA")
        }
    }

    @Test func imageChecksAnswerWithTheirCodes() async throws {
        let harness = try await Harness()
        let small = try Self.jpegBase64(width: 640, height: 400)
        try await harness.server.application().test(.live) { client in
            #expect(
                try await Self.submit(client, #"{"image": "\#(small)"}"#).1["error_code"] as? String
                    == "INVALID_PAYLOAD_IMAGE_SIZE")
            #expect(
                try await Self.submit(client, #"{"image": "R0lGODlhAQABAAAAACw="}"#).1["error_code"] as? String
                    == "INVALID_PAYLOAD_IMAGE_FORMAT")
            let huge = String(repeating: "A", count: 9 << 20)
            let (status, body) = try await Self.submit(client, #"{"image": "\#(huge)"}"#)
            #expect(status == 400)
            #expect(body["error_code"] as? String == "INVALID_PAYLOAD_IMAGE_SIZE")
        }
    }

    @Test func resultChecksRunInTheContractsOrder() async throws {
        let harness = try await Harness()
        try await harness.server.application().test(.live) { client in
            try await client.execute(
                uri: ExtractionAPI.resultPath, method: .get, headers: Self.headers("app-live", "live-key")
            ) {
                #expect($0.status == .notFound)
                #expect(Self.json($0.body)["error_code"] as? String == "INVALID_PAYLOAD_REFERENCE_ID_NOT_FOUND")
            }
            #expect(try await Self.result(client, "short").1["error_code"] as? String == "INVALID_PAYLOAD_REFERENCE_ID")
            #expect(try await Self.result(client, "not-there").0 == 404)
        }
    }

    @Test func metricsCountRequestsByRouteAndCodeAndJobsByState() async throws {
        let harness = try await Harness()
        let image = try Self.jpegBase64()
        try await harness.server.application().test(.live) { client in
            _ = try await Self.submit(client, #"{"image": "\#(image)", "reference_id": "ref-001"}"#)
            _ = try await Self.submit(client, key: "wrong", #"{"image": "\#(image)"}"#)
            try await client.execute(uri: "/metrics", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(response.status == .ok)
                #expect(text.contains(#"ktp_http_requests_total{route="submit",code="200"} 1"#))
                #expect(text.contains(#"ktp_http_requests_total{route="submit",code="401"} 1"#))
                #expect(text.contains(#"ktp_jobs{state="queued"} 1"#))
                #expect(text.contains("ktp_queue_depth 1"))
                // No worker runs here: the counters read 0, and the one queued job is younger than
                // this test.
                #expect(text.contains("ktp_job_claims_total 0"))
                #expect(text.contains("ktp_lease_rescues_total 0"))
                let age = text.split(separator: "\n").first { $0.hasPrefix("ktp_queue_oldest_age_seconds ") }
                let seconds = try #require(age.flatMap { Double($0.split(separator: " ")[1]) })
                #expect(seconds >= 0 && seconds < 60)
            }
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
        }
    }

    @Test func sandboxCodesAnswerWithoutProcessing() async throws {
        let harness = try await Harness()
        try await harness.server.application().test(.live) { client in
            let box = (app: "app-box", key: "box-key")
            let (accepted, _) = try await Self.submit(
                client, app: box.app, key: box.key,
                #"{"image": "KTP_BD", "reference_id": "box-001"}"#)
            #expect(accepted == 200)
            #expect(
                try await Self.submit(client, app: box.app, key: box.key, #"{"image": "nope"}"#).1["error_code"]
                    as? String == "INVALID_SANDBOX_CODE")
            #expect(
                try await Self.submit(
                    client, app: box.app, key: box.key,
                    #"{"image": "KTP", "reference_id": "REFERENCE_ID_EXIST"}"#
                ).1["error_code"]
                    as? String == "INVALID_PAYLOAD_REFERENCE_ID_EXISTS")
            let (status, result) = try await Self.result(client, app: box.app, key: box.key, "REFERENCE_ID_KTP_BD_V")
            #expect(status == 200)
            #expect(result["error_code"] as? String == "FAIL_ON_1")
            #expect(
                try await Self.result(client, app: box.app, key: box.key, "unknown-ref").1["error_code"]
                    as? String == "INVALID_SANDBOX_CODE")
        }
    }
}

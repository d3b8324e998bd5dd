import AsyncHTTPClient
import Foundation
import KTPRate
import KTPVision
import NIOCore
import Testing
@testable import KTP

/// The client against the real service on loopback: typed results, and contract errors mapped one to one.
@Suite struct LiveServiceClientTests {
    @Test func sandboxResultsDecodeIntoTypedValues() async throws {
        let service = try await LiveService.start()
        let client = service.client("box-app")
        let clean = try await client.result(referenceID: "REFERENCE_ID_KTP")
        #expect(clean.data.status == .success)
        #expect(clean.data.fields?[.nik].count == 16)
        #expect(clean.data.imageQuality == ImageQuality())
        let validated = try await client.result(referenceID: "REFERENCE_ID_KTP_BD_V")
        #expect(validated.data.status == .failed)
        #expect(validated.errorCode == .failOn1)
        #expect(validated.data.fields == nil)
        #expect(validated.data.imageQuality == ImageQuality(blur: true, dark: true))
        try await client.shutdown()
        await service.stop()
    }

    @Test func contractErrorsMapOneToOneWithStatusMessageAndReference() async throws {
        let service = try await LiveService.start()
        let box = service.client("box-app")
        let cases: [(String, ErrorCode, Int)] = [
            ("REFERENCE_ID_NOT_FOUND", .invalidPayloadReferenceIDNotFound, 404),
            ("REFERENCE_ID_TOO_LONG", .invalidPayloadReferenceID, 400),
            ("NOT_A_SANDBOX_CODE", .invalidSandboxCode, 400),
        ]
        for (reference, code, status) in cases {
            let thrown = await #expect(throws: KTPError.self) { _ = try await box.result(referenceID: reference) }
            #expect(thrown?.code == .contract(code))
            #expect(thrown?.httpStatus == status)
            #expect(thrown?.referenceID == reference)
            #expect(thrown?.message.isEmpty == false)
        }
        let refused = await #expect(throws: KTPError.self) {
            _ = try await box.submit(.sandboxCode("IMAGE_SIZE_EXCEED_LIMIT"))
        }
        #expect(refused?.code == .contract(.invalidPayloadImageSize))
        let wrongKey = service.client("live-app", key: "wrong")
        let unauthorized = await #expect(throws: KTPError.self) {
            _ = try await wrongKey.result(referenceID: "abc-123")
        }
        #expect(unauthorized?.code == .contract(.unauthorized))
        #expect(unauthorized?.httpStatus == 401)
        #expect(unauthorized?.attempts == 1, "a 401 is not retried")
        for client in [box, wrongKey] { try await client.shutdown() }
        await service.stop()
    }

    @Test func aRealPhotoEndsInSuccessThroughTheRealEngine() async throws {
        let engine = try ExtractorPool(
            workers: 1, configuration: ExtractorConfiguration(regions: try Fixtures.regions()))
        let service = try await LiveService.start(engine: engine)
        let client = service.client()
        let acceptance = try await client.submit(.file(Fixtures.path("0001-ktp-clean.jpg")))
        #expect(acceptance.status == .processing)
        #expect(ReferenceID.isValid(acceptance.referenceID))
        var body = try await client.result(referenceID: acceptance.referenceID)
        #expect(
            try await eventually(timeout: .seconds(60)) {
                body = try await client.result(referenceID: acceptance.referenceID)
                return body.data.status.isTerminal
            })
        #expect(body.data.status == .success)
        #expect(body.data.fields?[.nik].count == 16)
        #expect(body.data.confidence?.count == FieldKey.allCases.count)
        let other = service.client("other-app")
        let hidden = await #expect(throws: KTPError.self) {
            _ = try await other.result(referenceID: acceptance.referenceID)
        }
        #expect(hidden?.code == .contract(.invalidPayloadReferenceIDNotFound), "results are per application")
        for client in [client, other] { try await client.shutdown() }
        await service.stop()
        engine.shutdown()
    }

    /// Submits sent together, so that they meet the 1/s limit within one second however loaded the machine.
    static func together(_ count: Int, _ client: KTPClient) async -> [Result<Acceptance, KTPError>] {
        await withTaskGroup(of: Result<Acceptance, KTPError>.self) { group in
            for _ in 0..<count {
                group.addTask {
                    do throws(KTPError) {
                        return .success(try await client.submit(.sandboxCode("KTP")))
                    } catch {
                        return .failure(error)
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func aRateLimitedSubmitWaitsRetryAfterAndThenSucceeds() async throws {
        let service = try await LiveService.start(rateLimits: ["box-app": RequestRate(count: 1, per: .second)])
        let impatient = service.client("box-app", configuration: .init(retry: RetryPolicy(maxRetries: 0)))
        let refusals = await Self.together(3, impatient).compactMap { result -> KTPError? in
            if case .failure(let error) = result { error } else { nil }
        }
        #expect(!refusals.isEmpty)
        #expect(refusals.allSatisfy { $0.code == .contract(.tooManyRequests) && $0.httpStatus == 429 })
        let metrics = { () async throws -> Int in
            let response = try await HTTPClient.shared.get(url: service.baseURL.absoluteString + "/metrics").get()
            let line = String(buffer: response.body ?? ByteBuffer()).split(separator: "\n")
                .first { $0.hasPrefix(#"ktp_http_requests_total{route="submit",code="429"}"#) }
            return line.flatMap { Double($0.split(separator: " ").last ?? "") }.map { Int($0) } ?? 0
        }
        let refusedBefore = try await metrics()
        let patient = service.client("box-app")
        let accepted = await Self.together(2, patient)
        #expect(accepted.allSatisfy { (try? $0.get().status) == .processing }, "each waited its Retry-After")
        #expect(try await metrics() > refusedBefore, "some of them were refused first")
        for client in [impatient, patient] { try await client.shutdown() }
        await service.stop()
    }
}

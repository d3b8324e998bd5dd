import Foundation
import Testing
@testable import KTPContract

@Suite struct ResultBodyTests {
    static let fields = KTPFields([.nik: "3171011708900003", .fullName: "SPESIMEN CONTOH", .state: "DKI JAKARTA"])

    static func encode(_ body: ResultBody) throws -> [String: Any] {
        let data = try ResultBody.makeEncoder().encode(body)
        return try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func aSuccessCarriesEveryFieldKeyAndNoErrorCode() throws {
        let body = ResultBody(
            data: ExtractionResult(
                referenceID: "abc-123", status: .success, fields: Self.fields, imageQuality: ImageQuality(blur: true),
                confidence: [.nik: 0.99], submittedAt: Date(timeIntervalSince1970: 0)
            ))
        let json = try Self.encode(body)
        #expect(json["message"] as? String == "Success")
        #expect(json["error_code"] == nil)
        let data = try #require(json["data"] as? [String: Any])
        #expect(data["status"] as? String == "SUCCESS")
        #expect(data["nik"] as? String == "3171011708900003")
        #expect(data["valid_until"] as? String == "")
        #expect(FieldKey.allCases.allSatisfy { data[$0.rawValue] != nil })
        #expect((data["image_quality"] as? [String: Bool])?["blur"] == true)
        #expect((data["confidence"] as? [String: Double])?["nik"] == 0.99)
        #expect(data["submitted_at"] as? String == "1970-01-01T00:00:00Z")
    }

    @Test func aFailureHasNoFieldKeysAndNoConfidence() throws {
        let body = ResultBody(
            errorCode: .ktpNotDetected,
            data: ExtractionResult(
                referenceID: "abc-123", status: .failed, imageQuality: ImageQuality()
            ))
        let json = try Self.encode(body)
        #expect(json["error_code"] as? String == "KTP_NOT_DETECTED")
        let data = try #require(json["data"] as? [String: Any])
        #expect(FieldKey.allCases.allSatisfy { data[$0.rawValue] == nil })
        #expect(data["confidence"] == nil)
        #expect(data["image_quality"] != nil)
    }

    @Test func aBodyRoundTripsThroughJSON() throws {
        let body = ResultBody(
            data: ExtractionResult(
                referenceID: "abc-123", status: .success, fields: Self.fields, imageQuality: ImageQuality(dark: true),
                confidence: [.nik: 0.5, .state: 1], submittedAt: Date(timeIntervalSince1970: 1_800_000_000),
                completedAt: Date(timeIntervalSince1970: 1_800_000_001)
            ))
        let data = try ResultBody.makeEncoder().encode(body)
        #expect(try ResultBody.makeDecoder().decode(ResultBody.self, from: data) == body)
    }

    @Test func aProcessingResultDecodesWithoutFields() throws {
        let json = #"{"message":"Success","data":{"reference_id":"abc-123","status":"PROCESSING"}}"#
        let body = try ResultBody.makeDecoder().decode(ResultBody.self, from: Data(json.utf8))
        #expect(body.data.status == .processing)
        #expect(body.data.fields == nil)
        #expect(!body.data.status.isTerminal)
    }
}

@Suite struct ContractTypesTests {
    @Test func thereAreSeventeenFieldsFromNIKToValidUntil() {
        #expect(FieldKey.allCases.count == 17)
        #expect(FieldKey.allCases.first == .nik)
        #expect(FieldKey.allCases.last == .validUntil)
    }

    @Test func conditionCodesRoundTripToFlags() {
        #expect(ImageQuality(conditionCode: "BD") == ImageQuality(blur: true, dark: true))
        #expect(ImageQuality(conditionCode: "FG")?.conditionCode == "FG")
        #expect(ImageQuality(conditionCode: "X") == nil)
    }

    @Test func grayscaleAloneDoesNotFailValidation() {
        #expect(!ImageQuality(grayscale: true).failsValidation)
        #expect(ImageQuality(flashlight: true).failsValidation)
    }

    @Test func everyErrorCodeHasAnOperatorExplanation() {
        #expect(ErrorCode.allCases.count == 17)
        #expect(ErrorCode.allCases.allSatisfy { !$0.explanation.isEmpty })
        #expect(ErrorCode(rawValue: "FAIL_ON_1") == .failOn1)
    }

    @Test func masksKeepTheRegionCodeSerialAndInitials() {
        #expect(Masking.maskNIK("3171011708900003") == "3171********0003")
        #expect(Masking.maskName("SPESIMEN CONTOH") == "S******* C*****")
        #expect(Masking.mask("ISLAM", for: .religion) == "ISLAM")
    }
}

@Suite struct MaskedResultBodyTests {
    @Test func maskingHidesTheNIKAndNameAndKeepsTheRest() {
        let fields = KTPFields([.nik: "3171011708900003", .fullName: "BUDI SANTOSO", .city: "JAKARTA PUSAT"])
        let body = ResultBody(data: ExtractionResult(referenceID: "mask-01", status: .success, fields: fields))
        let masked = body.masked().data.fields
        #expect(masked?[.nik] == "3171********0003")
        #expect(masked?[.fullName] == "B*** S******")
        #expect(masked?[.city] == "JAKARTA PUSAT")
        #expect(ResultBody(data: ExtractionResult(referenceID: "mask-02", status: .failed)).masked().data.fields == nil)
    }
}

import Foundation
import KTPContract
import Testing
@testable import KTPServer

@Suite struct SubmitValidatorTests {
    static func check(_ json: String, insecure: Bool = false) -> Result<SubmitRequest, ContractError> {
        SubmitValidator(allowsInsecureURLs: insecure).validate(body: Array(json.utf8))
    }

    static func code(_ json: String, insecure: Bool = false) -> ErrorCode? {
        if case .failure(let error) = check(json, insecure: insecure) { return error.code }
        return nil
    }

    @Test(arguments: [
        "", "not json", "[]", "\"image\"", "{}", "null", "42",
        #"{"image": 5}"#, #"{"image": "abc", "is_quality": "yes"}"#, #"{"image": "abc", "is_quality": 1}"#,
        #"{"image": "abc", "validate_quality": null}"#, #"{"image": "abc", "reference_id": 123456}"#,
        #"{"image": "abc", "reference_id": null}"#, #"{"image": "abc", "callback_url": 7}"#,
        #"{"image": "", "reference_id": ""}"#, #"{"image": "abc", "reference_id": "", "callback_url": ""}"#,
    ])
    func check1RefusesAnythingButAnObjectOfTheFiveTypedKeys(body: String) {
        #expect(Self.code(body) == .invalidPayload)
    }

    @Test(arguments: [
        #"{"image": "AAAA",}"#, #"{"image": "AAAA", "colour": [1, 2,]}"#, "{\"image\": \"AAAA\",\n\t}",
        #"{"image": "AAAA" /* c */}"#, "{\"image\": \"AAAA\" // c\n}", #"{'image': 'AAAA'}"#,
        #"{"image": "AAAA", "n": NaN}"#, #"{"image": "AAAA", "n": Infinity}"#, #"{image: "AAAA"}"#,
        #"{"image": "AAAA", "n": 0x10}"#, #"{"image": "AAAA", "n": 01}"#, #"{"image": "AAAA", "n": +1}"#,
        #"{"image": "AAAA"} trailing"#,
    ])
    func check1RefusesJSONThatIsNotStrict(body: String) {
        #expect(Self.code(body) == .invalidPayload)
    }

    @Test(arguments: [#"{"image": "a,}", "colour": "\\\",]"}"#, #"{"image": "AAAA", "n": [1, {}], "m": -0.5e-3}"#])
    func commasAndBracketsInsideStringsAreStrictJSON(body: String) {
        #expect(Self.code(body) == nil)
    }

    @Test func deeplyNestedJSONIsAnInvalidPayloadNotACrash() {
        let nested = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(Self.code(#"{"image": \#(nested)}"#) == .invalidPayload)
    }

    @Test func unknownKeysAreIgnored() {
        #expect(Self.code(#"{"image": "abc", "colour": [1, 2]}"#) == nil)
    }

    @Test func check2AnswersAMissingImage() {
        #expect(Self.code(#"{"reference_id": "abc-123"}"#) == .missingPayloadImage)
    }

    @Test func check3AnswersAnEmptyImage() {
        #expect(Self.code(#"{"image": ""}"#) == .invalidPayloadImageMissing)
        #expect(Self.code(#"{"image": "", "reference_id": "abc-123"}"#) == .invalidPayloadImageMissing)
    }

    @Test(arguments: ["abc12", String(repeating: "a", count: 65), "abc 123", "abc/123", "åbc123", ""])
    func check4RefusesABadReferenceID(id: String) {
        #expect(Self.code(#"{"image": "abc", "reference_id": "\#(id)"}"#) == .invalidPayloadReferenceID)
    }

    @Test(arguments: ["abc123", "A.b_c:d-9", String(repeating: "z", count: 64)])
    func check4AcceptsAGoodReferenceID(id: String) {
        #expect(Self.code(#"{"image": "abc", "reference_id": "\#(id)"}"#) == nil)
    }

    @Test(arguments: [
        #""""#, "null", #""ftp://example.com/cb""#, #""http://example.com/cb""#, #""example.com/cb""#,
        #""https://127.0.0.1/cb""#, #""https://10.1.2.3/cb""#, #""https://192.168.0.9/cb""#,
        #""https://172.20.0.1/cb""#, #""https://169.254.169.254/latest""#, #""https://[::1]/cb""#,
        #""https://[fe80::1]/cb""#, #""https://[fd00::5]/cb""#, #""https://[::ffff:10.0.0.1]/cb""#,
        #""https://localhost/cb""#, #""https://0.0.0.0/cb""#,
    ])
    func check5RefusesABadCallbackURL(url: String) {
        #expect(Self.code(#"{"image": "abc", "callback_url": \#(url)}"#) == .invalidPayloadCallbackURL)
    }

    @Test func check5AcceptsAPublicHTTPSURL() throws {
        let request = try Self.check(#"{"image": "abc", "callback_url": "https://hooks.example.com/ktp?x=1"}"#).get()
        #expect(request.callbackURL?.absoluteString == "https://hooks.example.com/ktp?x=1")
    }

    @Test func theInsecureFlagAllowsHTTPAndLoopbackButNoOtherScheme() {
        #expect(Self.code(#"{"image": "abc", "callback_url": "http://127.0.0.1:9000/cb"}"#, insecure: true) == nil)
        #expect(
            Self.code(#"{"image": "abc", "callback_url": "ftp://127.0.0.1/cb"}"#, insecure: true)
                == .invalidPayloadCallbackURL)
    }

    @Test func check6NeedsIsQualityForValidation() {
        #expect(
            Self.code(#"{"image": "abc", "validate_quality": true, "is_quality": false}"#)
                == .invalidPayloadQualityValidationDependency)
        #expect(Self.code(#"{"image": "abc", "validate_quality": true}"#) == nil)
    }

    @Test func checksRunInTheContractsOrder() {
        // Both a bad reference_id (4) and a bad callback (5): 4 answers.
        #expect(
            Self.code(#"{"image": "abc", "reference_id": "x", "callback_url": "http://a"}"#)
                == .invalidPayloadReferenceID)
        // An empty image (3) before a bad reference_id (4).
        #expect(Self.code(#"{"image": "", "reference_id": "x"}"#) == .invalidPayloadImageMissing)
        // A bad callback (5) before the quality dependency (6).
        #expect(
            Self.code(#"{"image": "abc", "callback_url": "", "validate_quality": true, "is_quality": false}"#)
                == .invalidPayloadCallbackURL)
    }

    @Test func defaultsAreIsQualityOnAndValidationOff() throws {
        let request = try Self.check(#"{"image": "abc"}"#).get()
        #expect(request.isQuality)
        #expect(!request.validateQuality)
        #expect(request.referenceID == nil)
    }
}

import Foundation
import KTPContract
import KTPVision
import TestSupport
import Testing
@testable import KTPServer

@Suite struct SandboxTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test(arguments: ["KTP", "KTP_B", "KTP_D", "KTP_BD", "KTP_BF", "KTP_F", "KTP_G", "KTP_FG", "KTP_BG", "KTP_DG"])
    func everySpecimenImageCodeIsAcceptedWithItsFlags(code: String) throws {
        guard case .specimen(let flags) = try Sandbox.image(code).get() else {
            Issue.record("not a specimen")
            return
        }
        #expect(flags.conditionCode == String(code.dropFirst(4)))
    }

    @Test func theOtherImageCodes() throws {
        #expect(try Sandbox.image("NO_KTP_DETECTED").get() == .notDetected)
        #expect(throws: ContractError(.invalidPayloadImageSize, "sandbox: the image is too big")) {
            try Sandbox.image("IMAGE_SIZE_EXCEED_LIMIT").get()
        }
        for code in ["KTP_X", "KTP_DB", "ktp", "/9j/4AAQ"] {
            #expect(throws: ContractError.self) { try Sandbox.image(code).get() }
            if case .failure(let error) = Sandbox.image(code) { #expect(error.code == .invalidSandboxCode) }
        }
    }

    @Test func referenceIDCodesOnSubmit() {
        #expect(Sandbox.submitReferenceID("REFERENCE_ID_EXIST")?.code == .invalidPayloadReferenceIDExists)
        #expect(Sandbox.submitReferenceID("REFERENCE_ID_TOO_LONG")?.code == .invalidPayloadReferenceID)
        #expect(Sandbox.submitReferenceID("REFERENCE_ID_TOO_SHORT")?.code == .invalidPayloadReferenceID)
        #expect(Sandbox.submitReferenceID("my-own-ref") == nil)
    }

    @Test(arguments: ["B", "D", "BD", "F", "G", "FG", "DG", "BF", "BG"])
    func resultCodesCarryTheirFlagsAndValidationFailsOnlyOnBlurDarkOrFlash(code: String) throws {
        guard case .result(let image, let validate) = Sandbox.lookup(referenceID: "REFERENCE_ID_KTP_\(code)"),
            case .result(let imageV, let validateV) = Sandbox.lookup(referenceID: "REFERENCE_ID_KTP_\(code)_V")
        else {
            Issue.record("not a result code")
            return
        }
        #expect(!validate && validateV)
        let plain = Sandbox.resultBody(
            referenceID: "r", image: image, isQuality: true, validateQuality: validate,
            submittedAt: Self.now, completedAt: Self.now)
        #expect(plain.data.status == .success)
        #expect(plain.data.imageQuality?.conditionCode == code)
        let validated = Sandbox.resultBody(
            referenceID: "r", image: imageV, isQuality: true,
            validateQuality: validateV, submittedAt: Self.now, completedAt: Self.now)
        let fails = code.contains("B") || code.contains("D") || code.contains("F")
        #expect(validated.errorCode == (fails ? .failOn1 : nil))
        #expect(validated.data.status == (fails ? .failed : .success))
        #expect((validated.data.fields == nil) == fails)
    }

    @Test func fixedResultCodes() {
        #expect(
            Sandbox.lookup(referenceID: "REFERENCE_ID_KTP")
                == .result(.specimen(ImageQuality()), validateQuality: false))
        #expect(
            Sandbox.lookup(referenceID: "REFERENCE_ID_KTP_NOT_DETECTED")
                == .result(.notDetected, validateQuality: false))
        if case .error(let error) = Sandbox.lookup(referenceID: "REFERENCE_ID_NOT_FOUND") {
            #expect(error.status == 404)
            #expect(error.code == .invalidPayloadReferenceIDNotFound)
        } else {
            Issue.record("REFERENCE_ID_NOT_FOUND should be an error")
        }
        for id in ["REFERENCE_ID_TOO_LONG", "REFERENCE_ID_TOO_SHORT"] {
            if case .error(let error) = Sandbox.lookup(referenceID: id) {
                #expect(error.code == .invalidPayloadReferenceID)
            } else {
                Issue.record("\(id) should be an error")
            }
        }
        #expect(Sandbox.lookup(referenceID: "REFERENCE_ID_KTP_X") == .notACode)
        #expect(Sandbox.lookup(referenceID: "my-own-ref") == .notACode)
    }

    @Test func aNotDetectedResultFailsWithNoFields() {
        let body = Sandbox.resultBody(
            referenceID: "r", image: .notDetected, isQuality: false, validateQuality: false,
            submittedAt: Self.now, completedAt: Self.now)
        #expect(body.errorCode == .ktpNotDetected)
        #expect(body.data.imageQuality == nil)
        #expect(body.data.fields == nil)
    }

    @Test func theSpecimenIsStructurallyValidAndFictional() throws {
        let nik = try NIK(validating: Sandbox.specimen[.nik])
        #expect(nik.gender == .female)
        #expect(nik.encodes(try #require(CardDate.parse(Sandbox.specimen[.dateOfBirth])).date))
        #expect(Sandbox.specimen[.fullName].contains("SPESIMEN"))
        let regions = try RegionTable.load(path: RegionTablePath.resolved)
        #expect(regions.name(of: "31.71.01") == "Gambir")
    }
}

import Foundation
import KTPContract

/// The contract's sandbox: fixed codes in place of images and reference_ids, answered without
/// processing, and one fixed, obviously fictional specimen.
public enum Sandbox {
    /// SPESIMEN CONTOH of Gambir, Jakarta Pusat: a woman born 05-08-1990, so her NIK's day is 45.
    public static let specimen = KTPFields([
        .nik: "3171014508900001", .fullName: "SPESIMEN CONTOH", .placeOfBirth: "JAKARTA",
        .dateOfBirth: "05-08-1990", .gender: "PEREMPUAN", .bloodType: "O", .address: "JL. CONTOH NO. 1",
        .rtRw: "001/001", .administrativeVillage: "GAMBIR", .district: "GAMBIR", .city: "JAKARTA PUSAT",
        .state: "DKI JAKARTA", .religion: "ISLAM", .maritalStatus: "BELUM KAWIN",
        .occupation: "KARYAWAN SWASTA", .nationality: "WNI", .validUntil: "SEUMUR HIDUP",
    ])

    static let flagCodes = ["", "B", "D", "BD", "BF", "F", "G", "FG", "BG", "DG"]

    /// A submit's `image` code: accepted as a specimen or a non-KTP, or refused.
    public static func image(_ code: String) -> Result<SandboxImage, ContractError> {
        if code == "NO_KTP_DETECTED" { return .success(.notDetected) }
        if code == "IMAGE_SIZE_EXCEED_LIMIT" {
            return .failure(ContractError(.invalidPayloadImageSize, "sandbox: the image is too big"))
        }
        if code == "KTP" { return .success(.specimen(ImageQuality())) }
        if code.hasPrefix("KTP_"), let flags = quality(String(code.dropFirst(4))) { return .success(.specimen(flags)) }
        return .failure(ContractError(.invalidSandboxCode, "sandbox: '\(code)' is not a sandbox image code"))
    }

    /// A submit's `reference_id` code, or `nil` when the id is an ordinary one.
    public static func submitReferenceID(_ id: String) -> ContractError? {
        switch id {
        case "REFERENCE_ID_EXIST":
            ContractError(.invalidPayloadReferenceIDExists, "sandbox: the reference_id was used before")
        case "REFERENCE_ID_TOO_LONG", "REFERENCE_ID_TOO_SHORT":
            ContractError(.invalidPayloadReferenceID, "sandbox: the reference_id is too long or too short")
        default:
            nil
        }
    }

    /// How a sandbox application's result lookup of `id` is answered without a submit.
    public enum Lookup: Sendable, Hashable {
        /// A fixed result: the image it stands for and whether validation was on.
        case result(SandboxImage, validateQuality: Bool)
        case error(ContractError)
        /// Not a result code: look the id up among the application's own submissions.
        case notACode
    }

    public static func lookup(referenceID id: String) -> Lookup {
        switch id {
        case "REFERENCE_ID_NOT_FOUND":
            return .error(ContractError(.invalidPayloadReferenceIDNotFound, status: 404, "sandbox: not found"))
        case "REFERENCE_ID_TOO_LONG", "REFERENCE_ID_TOO_SHORT":
            return .error(
                ContractError(.invalidPayloadReferenceID, "sandbox: the reference_id is too long or too short"))
        case "REFERENCE_ID_KTP_NOT_DETECTED":
            return .result(.notDetected, validateQuality: false)
        case "REFERENCE_ID_KTP":
            return .result(.specimen(ImageQuality()), validateQuality: false)
        default:
            guard id.hasPrefix("REFERENCE_ID_KTP_") else { return .notACode }
            var code = String(id.dropFirst("REFERENCE_ID_KTP_".count))
            let validate = code.hasSuffix("_V")
            if validate { code.removeLast(2) }
            guard !code.isEmpty, let flags = quality(code) else { return .notACode }
            return .result(.specimen(flags), validateQuality: validate)
        }
    }

    /// The result body of a sandbox extraction.
    public static func resultBody(
        referenceID: String, image: SandboxImage, isQuality: Bool, validateQuality: Bool, submittedAt: Date,
        completedAt: Date
    ) -> ResultBody {
        var data = ExtractionResult(
            referenceID: referenceID, status: .failed, submittedAt: submittedAt,
            completedAt: completedAt)
        switch image {
        case .notDetected:
            data.imageQuality = isQuality ? ImageQuality() : nil
            return ResultBody(errorCode: .ktpNotDetected, data: data)
        case .specimen(let flags):
            data.imageQuality = isQuality ? flags : nil
            if validateQuality && flags.failsValidation { return ResultBody(errorCode: .failOn1, data: data) }
            data.status = .success
            data.fields = specimen
            data.confidence = Dictionary(uniqueKeysWithValues: FieldKey.allCases.map { ($0, 1.0) })
            return ResultBody(data: data)
        }
    }

    /// Flags from one of the contract's sandbox flag codes (`B`, `BD`, … in its listed set).
    private static func quality(_ code: String) -> ImageQuality? {
        guard flagCodes.contains(code) else { return nil }
        return ImageQuality(conditionCode: code)
    }
}

import Foundation
import KTPContract

/// The contract's submit checks 1 to 6, in order, on the raw body: pure, so every row of the
/// table is tested without a socket.
public struct SubmitValidator: Sendable {
    /// The development flag: `http://` and private, loopback or link-local targets are allowed.
    public var allowsInsecureURLs: Bool

    public init(allowsInsecureURLs: Bool = false) {
        self.allowsInsecureURLs = allowsInsecureURLs
    }

    static let keys = ["image", "reference_id", "callback_url", "is_quality", "validate_quality"]

    public func validate(body: [UInt8]) -> Result<SubmitRequest, ContractError> {
        // Check 1: a strict JSON object with the five keys of the right types, at most one of them "".
        guard let value = StrictJSON.parse(body), case .object(let object) = value, !object.isEmpty
        else {
            return .failure(ContractError(.invalidPayload, "the body must be a non-empty JSON object"))
        }
        for key in Self.keys {
            guard let field = object[key] else { continue }
            switch (key, field) {
            case ("image", .string), ("reference_id", .string), ("callback_url", .string), ("callback_url", .null),
                ("is_quality", .bool), ("validate_quality", .bool):
                continue
            default:
                return .failure(ContractError(.invalidPayload, "\(key) has the wrong type"))
            }
        }
        let empty = Self.keys.filter { object[$0] == .string("") }
        guard empty.count <= 1 else {
            return .failure(
                ContractError(.invalidPayload, "more than one value is empty: \(empty.joined(separator: ", "))"))
        }
        // Checks 2 and 3.
        guard case .string(let image)? = object["image"] else {
            return .failure(ContractError(.missingPayloadImage, "the image key is missing"))
        }
        guard !image.isEmpty else {
            return .failure(ContractError(.invalidPayloadImageMissing, "the image is an empty string"))
        }
        // Check 4.
        var referenceID: String?
        if case .string(let id)? = object["reference_id"] {
            if let error = Self.checkReferenceID(id) { return .failure(error) }
            referenceID = id
        }
        // Check 5.
        var callbackURL: URL?
        if let callback = object["callback_url"] {
            switch checkCallbackURL(callback) {
            case .success(let url): callbackURL = url
            case .failure(let error): return .failure(error)
            }
        }
        // Check 6.
        let isQuality = object["is_quality"] == .bool(false) ? false : true
        let validateQuality = object["validate_quality"] == .bool(true)
        if validateQuality && !isQuality {
            return .failure(
                ContractError(
                    .invalidPayloadQualityValidationDependency,
                    "validate_quality needs is_quality"))
        }
        return .success(
            SubmitRequest(
                image: image, referenceID: referenceID, callbackURL: callbackURL,
                isQuality: isQuality, validateQuality: validateQuality))
    }

    /// 6 to 64 characters of `[A-Za-z0-9._:-]` (ours).
    public static func checkReferenceID(_ id: String) -> ContractError? {
        guard ReferenceID.lengths.contains(id.count) else {
            return ContractError(.invalidPayloadReferenceID, "reference_id must be 6 to 64 characters")
        }
        guard ReferenceID.hasAllowedCharacters(id) else {
            return ContractError(
                .invalidPayloadReferenceID, "reference_id may hold only letters, digits, '.', '_', ':', '-'")
        }
        return nil
    }

    private func checkCallbackURL(_ value: JSONValue) -> Result<URL, ContractError> {
        func refuse(_ why: String) -> Result<URL, ContractError> {
            .failure(ContractError(.invalidPayloadCallbackURL, "callback_url \(why)"))
        }
        guard case .string(let text) = value, !text.isEmpty else { return refuse("is empty") }
        switch URLPolicy(allowsInsecure: allowsInsecureURLs).check(text) {
        case .success(let url): return .success(url)
        case .failure(let reason): return refuse(reason.description)
        }
    }
}

/// Every `error_code` of the contract, one case each.
public enum ErrorCode: String, Sendable, Codable, Hashable, CaseIterable, Error {
    case invalidPayload = "INVALID_PAYLOAD"
    case missingPayloadImage = "MISSING_PAYLOAD_IMAGE"
    case invalidPayloadImageMissing = "INVALID_PAYLOAD_IMAGE_MISSING"
    case invalidPayloadImageSize = "INVALID_PAYLOAD_IMAGE_SIZE"
    case invalidPayloadImageFormat = "INVALID_PAYLOAD_IMAGE_FORMAT"
    case invalidPayloadCallbackURL = "INVALID_PAYLOAD_CALLBACK_URL"
    case invalidPayloadReferenceID = "INVALID_PAYLOAD_REFERENCE_ID"
    case invalidPayloadReferenceIDExists = "INVALID_PAYLOAD_REFERENCE_ID_EXISTS"
    case invalidPayloadQualityValidationDependency = "INVALID_PAYLOAD_QUALITY_VALIDATION_DEPENDENCY"
    case insufficientQuota = "INSUFFICIENT_QUOTA"
    case invalidSandboxCode = "INVALID_SANDBOX_CODE"
    case invalidPayloadReferenceIDNotFound = "INVALID_PAYLOAD_REFERENCE_ID_NOT_FOUND"
    case failOn1 = "FAIL_ON_1"
    case ktpNotDetected = "KTP_NOT_DETECTED"
    /// The application's rate limit was exceeded; the answer's `Retry-After` says when to come back (ours).
    case tooManyRequests = "TOO_MANY_REQUESTS"
    case internalServerError = "INTERNAL_SERVER_ERROR"
    /// A missing or wrong `App-ID`/`API-Key` pair (ours).
    case unauthorized = "UNAUTHORIZED"

    /// The contract's explanation for an operator.
    public var explanation: String {
        switch self {
        case .invalidPayload: "the body was empty, not JSON, or had more than one empty value"
        case .missingPayloadImage: "no image key"
        case .invalidPayloadImageMissing: "the image was an empty string"
        case .invalidPayloadImageSize: "the image is too big or too small"
        case .invalidPayloadImageFormat: "the image could not be decoded or fetched"
        case .invalidPayloadCallbackURL: "the callback URL is empty or not https"
        case .invalidPayloadReferenceID: "the reference_id is too short or too long"
        case .invalidPayloadReferenceIDExists: "the reference_id was used before"
        case .invalidPayloadQualityValidationDependency: "validate_quality needs is_quality"
        case .insufficientQuota: "the testing quota is spent"
        case .invalidSandboxCode: "not a sandbox code"
        case .invalidPayloadReferenceIDNotFound: "no such reference_id"
        case .failOn1: "the photo failed quality validation"
        case .ktpNotDetected: "no KTP was found in the photo"
        case .tooManyRequests: "the application's rate limit was exceeded; wait Retry-After seconds"
        case .internalServerError: "the server failed; retry or reprocess"
        case .unauthorized: "the App-ID and API-Key pair was missing or wrong"
        }
    }
}

import KTP

extension ErrorCode {
    /// What an operator can do about a failure, for the detail pane; the keys named are the dashboard's.
    var remedy: String {
        switch self {
        case .invalidPayload: "fix the submitting code; reprocessing sends the same request"
        case .missingPayloadImage, .invalidPayloadImageMissing: "the photo was not sent: submit it again"
        case .invalidPayloadImageSize: "use a photo from 720x480 up to 40 MP"
        case .invalidPayloadImageFormat: "send a JPEG or PNG, or check that the photo URL is reachable"
        case .invalidPayloadCallbackURL: "use an https callback URL"
        case .invalidPayloadReferenceID: "use a reference_id of the allowed length"
        case .invalidPayloadReferenceIDExists: "r reprocesses it under a fresh reference_id"
        case .invalidPayloadQualityValidationDependency: "press v until validate_quality is off, then r"
        case .insufficientQuota: "ask for more testing quota, or use a live application"
        case .invalidSandboxCode: "use one of the sandbox's codes"
        case .invalidPayloadReferenceIDNotFound: "check the reference_id: it was never submitted here"
        case .failOn1: "retake the photo sharp, bright and without glare; or v (validate_quality off), then r"
        case .ktpNotDetected: "check the photo shows a whole KTP, flat and in focus; retake it if not"
        case .tooManyRequests: "the service's rate limit refused it: press r once fewer photos are being sent"
        case .internalServerError: "press r to reprocess; if it fails again, check the server's log"
        case .unauthorized: "check the App-ID and API-Key of the submitting application"
        }
    }
}

import KTPContract

/// The contract's error body: `{"message": "…", "error_code": "…"}`.
struct ErrorBody: Encodable, Sendable {
    var message: String
    var errorCode: ErrorCode

    enum CodingKeys: String, CodingKey {
        case message
        case errorCode = "error_code"
    }
}

/// The submit's success body: `{"message": "Request accepted", "data": {…}}`.
struct AcceptedBody: Encodable, Sendable {
    struct Data: Encodable, Sendable {
        var referenceID: String
        var status = "PROCESSING"

        enum CodingKeys: String, CodingKey {
            case referenceID = "reference_id"
            case status
        }
    }

    var message = "Request accepted"
    var data: Data
}

/// The callbacks endpoint's body: `{"data": {"reference_id", "state", "attempts": […]}}`.
struct CallbacksBody: Encodable, Sendable {
    var data: CallbackRecord
}

import Foundation

/// The submit body: the image plus the options, in the contract's keys.
struct SubmitBody: Encodable {
    var image: String
    var options: SubmitOptions

    func encode(to encoder: any Encoder) throws {
        try options.encode(to: encoder)
        var imageContainer = encoder.container(keyedBy: ImageKey.self)
        try imageContainer.encode(image, forKey: .image)
    }

    enum ImageKey: String, CodingKey { case image }

    func encoded() throws(KTPError) -> [UInt8] {
        do {
            return Array(try JSONEncoder().encode(self))
        } catch {
            throw KTPError(.photoUnreadable, message: "cannot encode the submit body: \(error)")
        }
    }
}

/// `{"message", "data": {"reference_id", "status"}}`, the answer to an accepted submit.
struct AcceptedBody: Decodable {
    struct Data: Decodable {
        var referenceID: String
        var status: ExtractionStatus

        enum CodingKeys: String, CodingKey {
            case referenceID = "reference_id"
            case status
        }
    }

    var data: Data
}

/// `{"message", "error_code"}`.
struct ErrorBody: Decodable {
    var message: String
    var errorCode: String

    enum CodingKeys: String, CodingKey {
        case message
        case errorCode = "error_code"
    }
}

import Foundation

/// The whole body of `GET .../result` and of a callback: `{"message", "error_code"?, "data"}`.
public struct ResultBody: Sendable, Hashable, Codable {
    public var message: String
    /// Present only when `data.status` is `FAILED`.
    public var errorCode: ErrorCode?
    public var data: ExtractionResult

    public init(message: String = "Success", errorCode: ErrorCode? = nil, data: ExtractionResult) {
        self.message = message
        self.errorCode = errorCode
        self.data = data
    }

    enum CodingKeys: String, CodingKey {
        case message
        case errorCode = "error_code"
        case data
    }

    /// The encoder every producer of contract bodies uses: ISO 8601 dates, no escaped slashes.
    public static func makeEncoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting =
            pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The matching decoder.
    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}

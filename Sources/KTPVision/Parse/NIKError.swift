/// Why sixteen characters are not a NIK. Carries no digits, so it is safe to log.
public struct NIKError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        /// Not exactly sixteen characters.
        case wrongLength
        /// A character that is not an ASCII digit.
        case notDigits
        /// A province, regency or district part of `00`, or a province below 11.
        case invalidRegion
        /// `DDMMYY` is not a calendar date (women's day minus 40) in either century.
        case invalidBirthDate
        /// The serial `0000`: numbering starts at `0001`.
        case invalidSerial
    }

    public let code: Code

    public init(_ code: Code) {
        self.code = code
    }

    public var description: String { "invalid NIK: \(code.rawValue)" }
}

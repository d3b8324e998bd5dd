/// Why a data file (the region table, a ground-truth file) could not be read, naming the file
/// and, where it applies, the line.
public struct DataFileError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        case unreadable
        case malformedLine
        case empty
    }

    public let code: Code
    public let path: String
    public let line: Int?
    public let detail: String

    public init(_ code: Code, path: String, line: Int?, detail: String) {
        self.code = code
        self.path = path
        self.line = line
        self.detail = detail
    }

    public var description: String {
        let place = line.map { "\(path):\($0)" } ?? path
        switch code {
        case .unreadable: return "\(place): cannot read: \(detail)"
        case .malformedLine: return "\(place): malformed line: \(detail)"
        case .empty: return "\(place): has no records"
        }
    }
}

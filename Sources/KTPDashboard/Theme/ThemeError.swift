/// Why a theme did not load; its description reads `themes/x.toml:7: unknown key 'fgg'`.
public struct ThemeError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable, Equatable {
        /// No file by that name in the theme directories.
        case notFound = "not_found"
        case unreadable
        /// Not valid TOML.
        case syntax
        case unknownKey = "unknown_key"
        case badColor = "bad_color"
        /// A value of the wrong type, such as `bold = "yes"`.
        case badValue = "bad_value"
    }

    public var code: Code
    /// The theme file, as given or found.
    public var file: String
    /// 1-based; `nil` when the error is about the whole file.
    public var line: Int?
    public var message: String

    public init(_ code: Code, file: String, line: Int? = nil, _ message: String) {
        self.code = code
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)"
    }
}

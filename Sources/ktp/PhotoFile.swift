import Foundation

/// Reads a photo from disk with errors a person can act on.
enum PhotoFile {
    static func read(_ path: String) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CLIError("\(path): no such file")
        }
        guard !isDirectory.boolValue else { throw CLIError("\(path): is a directory, not a photo") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError("\(path): cannot be read (check its permissions)")
        }
        return [UInt8](data)
    }
}

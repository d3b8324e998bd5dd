import Foundation
import KTP

extension GroundTruth {
    /// Reads a `truth.jsonl` file: one record per non-empty line.
    public static func load(path: String) throws(GroundTruthError) -> [GroundTruth] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GroundTruthError(.unreadable, path: path, line: nil, detail: "no such file, or not readable")
        }
        let decoder = JSONDecoder()
        var records: [GroundTruth] = []
        for (index, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() {
            guard line.contains(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0D) }) else { continue }
            do {
                records.append(try decoder.decode(GroundTruth.self, from: Data(line)))
            } catch {
                throw GroundTruthError(.malformedRecord, path: path, line: index + 1, detail: "\(error)")
            }
        }
        return records
    }
}

/// Why a ground truth file could not be read, naming the file and line.
public struct GroundTruthError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        case unreadable
        case malformedRecord
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
        "\(line.map { "\(path):\($0)" } ?? path): \(code == .unreadable ? "cannot read" : "bad record"): \(detail)"
    }
}

import Foundation
import KTPContract
import KTPVision

extension GroundTruth {
    /// Reads a `truth.jsonl` file: one record per non-empty line.
    public static func load(path: String) throws(DataFileError) -> [GroundTruth] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DataFileError(.unreadable, path: path, line: nil, detail: "no such file, or not readable")
        }
        let decoder = JSONDecoder()
        var records: [GroundTruth] = []
        for (index, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() {
            guard line.contains(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0D) }) else { continue }
            do {
                records.append(try decoder.decode(GroundTruth.self, from: Data(line)))
            } catch {
                throw DataFileError(.malformedLine, path: path, line: index + 1, detail: "\(error)")
            }
        }
        return records
    }
}

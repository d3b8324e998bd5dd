import Foundation

/// Writes a data set: the photos and `truth.jsonl` (one ``GroundTruth`` per line, in photo order).
public struct DatasetWriter: Sendable {
    public let directory: URL
    public let factory: PhotoFactory

    public init(directory: URL, factory: PhotoFactory) {
        self.directory = directory
        self.factory = factory
    }

    /// The encoder for truth lines: sorted keys, so equal truth is equal bytes.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Makes and writes every photo; `progress(done, total)` is called after each one.
    @discardableResult
    public func write(progress: (Int, Int) -> Void = { _, _ in }) throws(SynthError) -> [GroundTruth] {
        let total = factory.configuration.count
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw SynthError(.writeFailed, "\(directory.path): \(error.localizedDescription)")
        }
        let encoder = Self.makeEncoder()
        var lines = Data()
        var truths: [GroundTruth] = []
        for index in 0..<total {
            let photo = try factory.photo(at: index)
            try save(Data(photo.bytes), as: photo.fileName)
            do {
                lines.append(try encoder.encode(photo.truth))
            } catch {
                throw SynthError(.writeFailed, "truth for \(photo.fileName): \(error)")
            }
            lines.append(0x0A)
            truths.append(photo.truth)
            progress(index + 1, total)
        }
        try save(lines, as: "truth.jsonl")
        return truths
    }

    private func save(_ data: Data, as name: String) throws(SynthError) {
        let url = directory.appendingPathComponent(name)
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw SynthError(.writeFailed, "\(url.path): \(error.localizedDescription)")
        }
    }
}

import Foundation

/// The `metadata_props` of an ONNX file, read with a minimal walk of its protobuf: a PP-OCR recogniser keeps its
/// character list there, and OpenVINO's C API does not expose it.
public enum ONNXMetadata {
    /// `ModelProto.metadata_props`: repeated `StringStringEntryProto` (key 1, value 2).
    static let metadataField = 14

    /// Every metadata property of the ONNX file at `url`.
    public static func properties(ofModelAt url: URL) throws(OCRError) -> [String: String] {
        let data: Data
        do {
            // Mapped, not read: the walk skips the graph (most of the file) without touching its pages.
            data = try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw OCRError(.modelNotFound, url.path)
        }
        do throws(ProtobufReader.Failure) {
            return try properties(in: data)
        } catch {
            throw OCRError(.modelInvalid, "\(url.lastPathComponent) is not an ONNX model (\(error))")
        }
    }

    /// Every metadata property of a serialised `ModelProto`.
    static func properties(in data: Data) throws(ProtobufReader.Failure) -> [String: String] {
        // `Data.withUnsafeBytes` rethrows untyped: the typed failure goes out as a result.
        try data.withUnsafeBytes { bytes in Result { () throws(ProtobufReader.Failure) in try properties(in: bytes) } }
            .get()
    }

    private static func properties(
        in bytes: UnsafeRawBufferPointer
    ) throws(ProtobufReader.Failure) -> [String: String] {
        var reader = ProtobufReader(bytes[...])
        var properties: [String: String] = [:]
        var sawGraph = false
        while let field = try reader.nextField() {
            if field.number == 7 { sawGraph = true }
            guard field.number == metadataField, case .bytes(let entry) = field.value else { continue }
            var entryReader = ProtobufReader(entry)
            var key = "", value = ""
            while let part = try entryReader.nextField() {
                guard case .bytes(let text) = part.value else { continue }
                if part.number == 1 { key = String(decoding: text, as: UTF8.self) }
                if part.number == 2 { value = String(decoding: text, as: UTF8.self) }
            }
            properties[key] = value
        }
        // Random bytes can parse as a few short fields; no model lacks a graph (field 7).
        guard sawGraph else { throw .noGraph }
        return properties
    }
}

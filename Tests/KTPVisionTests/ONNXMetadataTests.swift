import Foundation
import Testing
@testable import KTPVision

@Suite struct ONNXMetadataTests {
    /// A protobuf length-delimited field.
    func field(_ number: Int, _ payload: [UInt8]) -> [UInt8] {
        var bytes = [UInt8(number << 3 | 2)]
        var length = payload.count
        repeat {
            bytes.append(UInt8(length & 0x7F) | (length > 0x7F ? 0x80 : 0))
            length >>= 7
        } while length > 0
        return bytes + payload
    }

    func entry(_ key: String, _ value: String) -> [UInt8] {
        field(14, field(1, Array(key.utf8)) + field(2, Array(value.utf8)))
    }

    @Test func metadataPropertiesAreReadPastALargeGraph() throws {
        // ir_version 8 (a varint), a 1,000-byte graph to skip, then two properties.
        let model =
            [0x08, 0x08] + field(7, [UInt8](repeating: 0x2A, count: 1000)) + entry("character", "a\nb")
            + entry("shape", "[3,48,320]")
        let properties = try ONNXMetadata.properties(in: Data(model))
        #expect(properties == ["character": "a\nb", "shape": "[3,48,320]"])
    }

    @Test func aModelCutShortIsRejected() {
        let model = [0x08, 0x08] + field(7, [UInt8](repeating: 0x2A, count: 1000))
        #expect(throws: ProtobufReader.Failure.truncated) { try ONNXMetadata.properties(in: Data(model.prefix(500))) }
    }

    @Test func bytesWithoutAGraphAreNotAModel() {
        #expect(throws: ProtobufReader.Failure.noGraph) { try ONNXMetadata.properties(in: Data(entry("k", "v"))) }
    }
}

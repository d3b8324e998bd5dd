import Foundation
import KTPContract
@testable import KTPVision

/// The committed SPESIMEN photos (`tools/make-fixtures.sh`) and their ground truth.
enum Fixtures {
    struct Record: Decodable, Sendable {
        var file: String
        var isKTP: Bool
        var condition: String
        var imageQuality: ImageQuality
        var washedOut: [FieldKey]
        var fields: KTPFields

        enum CodingKeys: String, CodingKey {
            case file, condition
            case isKTP = "is_ktp"
            case imageQuality = "image_quality"
            case washedOut = "washed_out"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            file = try container.decode(String.self, forKey: .file)
            isKTP = try container.decode(Bool.self, forKey: .isKTP)
            condition = try container.decode(String.self, forKey: .condition)
            imageQuality = try container.decode(ImageQuality.self, forKey: .imageQuality)
            washedOut = try container.decode([FieldKey].self, forKey: .washedOut)
            fields = try KTPFields(from: decoder)
        }

        /// Blur is the one condition the engine still reads poorly; tests hold it to less.
        var isBlurred: Bool { imageQuality.blur }
    }

    static let directory = Bundle.module.resourceURL!.appendingPathComponent("Fixtures")

    static let records: [Record] = {
        let text = try! String(contentsOf: directory.appendingPathComponent("truth.jsonl"), encoding: .utf8)
        return text.split(separator: "\n").map { try! JSONDecoder().decode(Record.self, from: Data($0.utf8)) }
    }()

    static func bytes(_ record: Record) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: directory.appendingPathComponent(record.file)))
    }

    /// Every fixture through one extractor with the real region table and the PP-OCR models, computed once per
    /// test run.
    static let extractions: [String: Extraction] = {
        let configuration = ExtractorConfiguration(
            regions: try! TestRegions.table(), models: try! PPOCRFixtures.models.get())
        let extractor = try! KTPExtractor(configuration: configuration)
        var results: [String: Extraction] = [:]
        for record in records { results[record.file] = try! extractor.extract(bytes(record)) }
        return results
    }()
}

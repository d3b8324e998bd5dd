import Foundation
import KTPBench
import KTPContract
import KTPVision

/// One photo's line of `ktp bench --scores`: what calibrating a flag by hand, or plotting one, needs.
struct PhotoScores: Encodable {
    var file: String
    var condition: String
    var isKTP: Bool
    var detected: Bool
    var scores: QualityScores?
    var flags: ImageQuality
    var truth: ImageQuality?

    init(file: String, sample: BenchmarkSample) {
        self.file = file
        condition = sample.condition
        isKTP = sample.isKTP
        detected = sample.detected
        scores = sample.scores
        flags = sample.quality
        truth = sample.truthQuality
    }

    enum CodingKeys: String, CodingKey {
        case file, condition, detected, scores, flags, truth
        case isKTP = "is_ktp"
    }

    func jsonLine() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}

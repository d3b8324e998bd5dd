import CTesseract
import Foundation
@testable import KTPVision

/// The PP-OCR models from `.deps/models` (`make ocr-runtime`), compiled once per test run, and the fixtures'
/// cards levelled the way the engine levels them before reading.
enum PPOCRFixtures {
    /// A failure to load is every PP-OCR test's failure, with OpenVINO's message, not a crash.
    static let models: Result<PPOCRModels, OCRError> = Result { () throws(OCRError) in try PPOCRModels() }

    static func engine() throws -> PPOCREngine {
        try PPOCREngine(models: models.get())
    }

    struct NoCard: Error, CustomStringConvertible {
        var file: String
        var description: String { "no card located and rectified in \(file)" }
    }

    /// The fixture's card: located on a small copy, warped upright, then deskewed.
    static func levelledCard(_ record: Fixtures.Record) throws -> Raster {
        let photo = try ImageDecoder.decode(Fixtures.bytes(record))
        let width = KTPExtractor.analysisWidth
        guard let small = Raster(owning: pixScaleToSize(photo.pix, Int32(width), 0))?.rgb(),
            let quad = CardLocator.locate(in: small)?.scaled(by: Double(photo.width) / Double(width)),
            let card = CardRectifier.rectify(photo, quad: quad)
        else { throw NoCard(file: record.file) }
        return Deskew.straighten(card) ?? card
    }
}

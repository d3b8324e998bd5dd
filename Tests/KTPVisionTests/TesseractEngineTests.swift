import Foundation
import CTesseract
import Testing
@testable import KTPVision

@Suite struct TesseractEngineTests {
    /// Synchronous, so the check runs on the thread that recognised: the setting is per thread.
    @Test func recognitionTurnsOffOpenMPParallelRegionsOnItsThreadWithoutTheUserSettingAnything() throws {
        let engine = try TesseractEngine()
        _ = engine.recognize(Raster(RGBImage(width: 64, height: 32, fill: (255, 255, 255))), segmentation: .line)
        #expect(omp_get_max_active_levels() == 0)
    }

    @Test func anUnknownLanguageIsAClearError() {
        #expect(throws: OCRError.self) { try TesseractEngine(languages: "xx-not-a-language") }
    }

    @Test func readsDigitsOnlyWhenWhitelisted() throws {
        // On a whole photo of a card, a digits-only whitelist never lets a letter through.
        let record = try #require(Fixtures.records.first { $0.condition == "clean" })
        let raster = try ImageDecoder.decode(Fixtures.bytes(record))
        let engine = try TesseractEngine()
        let words = engine.recognize(raster, segmentation: .sparse, whitelist: "0123456789").flatMap(\.words)
        #expect(!words.isEmpty)
        #expect(words.allSatisfy { $0.text.allSatisfy(\.isNumber) })
    }

    @Test func theDigitModelReadsTheBoldFinalEightOfANIK() throws {
        // A synthetic NIK cut from a prepared card, SPESIMEN below it. Indonesian's model reads
        // its last digit as a `3`; the extractor's default digit model must not.
        let url = Fixtures.directory.appendingPathComponent("crops/nik-bold-final-8.png")
        let raster = try ImageDecoder.decode(Array(try Data(contentsOf: url)))
        let engine = try TesseractEngine(languages: ExtractorConfiguration().digitLanguages)
        let digits = PixelRect(x: 20, y: 20, width: 448, height: 45)
        let lines = engine.recognize(raster, region: digits, segmentation: .line, whitelist: "0123456789:")
        #expect(lines.map(\.text).joined() == "9406070810557678")
    }
}

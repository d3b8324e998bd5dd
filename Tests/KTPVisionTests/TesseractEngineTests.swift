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
}

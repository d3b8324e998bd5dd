import CTesseract
import Testing
@testable import KTPVision

@Suite struct TesseractEngineTests {
    @Test func anEngineTurnsOffOpenMPParallelRegionsWithoutTheUserSettingAnything() throws {
        _ = try TesseractEngine()
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

import CTesseract
import Foundation
import Testing
@testable import KTPVision

/// A photo taken sideways or upside down is read the way its text stands.
@Suite struct PhotoTurnTests {
    static func boxes(_ sizes: [(Int, Int)]) -> [DetectedText] {
        sizes.map { DetectedText(box: PixelRect(x: 0, y: 0, width: $0.0, height: $0.1), score: 0.9) }
    }

    @Test func linesStandingOnTheirSideAskForAQuarterTurnEitherWay() {
        #expect(KTPExtractor.quarterTurns(of: Self.boxes([(30, 200), (28, 150), (30, 90), (200, 30)])) == [1, 3])
    }

    @Test func linesLyingFlatAskOnlyForAHalfTurn() {
        #expect(KTPExtractor.quarterTurns(of: Self.boxes([(200, 30), (150, 28), (30, 200)])) == [2])
    }

    @Test func boxesOfNoClearShapeAskForNoTurn() {
        #expect(KTPExtractor.quarterTurns(of: Self.boxes([(40, 40), (50, 30)])).isEmpty)
        #expect(KTPExtractor.quarterTurns(of: []).isEmpty)
    }

    @Test func textStandingOnItsSideIsTurnedNotLevelled() {
        let degree = Double.pi / 180
        #expect(KTPExtractor.levelling(8 * degree) == 8 * degree)
        #expect(KTPExtractor.levelling(-14 * degree) == -14 * degree)
        #expect(KTPExtractor.levelling(0.5 * degree) == nil)
        #expect(KTPExtractor.levelling(90 * degree) == nil)
        #expect(KTPExtractor.levelling(-88 * degree) == nil)
        #expect(KTPExtractor.levelling(nil) == nil)
    }

    @Test(arguments: [1, 2, 3])
    func aTurnedPhotoOfTheCleanCardIsReadWithItsNIK(quarterTurns: Int) throws {
        let record = try #require(Fixtures.records.first { $0.condition == "clean" })
        let photo = try ImageDecoder.decode(Fixtures.bytes(record))
        let turned = try #require(Raster(owning: pixRotateOrth(photo.pix, Int32(quarterTurns))))
        let extractor = try KTPExtractor(
            configuration: ExtractorConfiguration(regions: try TestRegions.table(), models: PPOCRFixtures.models.get()))
        let card = try #require(try extractor.extract(turned.jpegData(quality: 92)).card, "not read as a KTP")
        #expect(card.fields[.nik] == record.fields[.nik])
    }
}

import KTPContract
import Testing
@testable import KTPVision

/// A reader takes what a scanner or a cropping app gives it: the card alone, small.
@Suite struct CroppedCardTests {
    /// The clean fixture's card, cut out and levelled, then scaled to `width` pixels wide, as PNG bytes.
    static func croppedCard(width: Int) throws -> (bytes: [UInt8], truth: KTPFields) {
        let record = try #require(Fixtures.records.first { $0.isKTP && $0.condition == "clean" })
        let card = try PPOCRFixtures.levelledCard(record)
        let height = card.height * width / card.width
        let small = try #require(card.scaled(toWidth: width, height: height))
        return (try small.pngData(), record.fields)
    }

    @Test func aTightlyCroppedCardSixHundredPixelsWideIsRead() throws {
        let (bytes, truth) = try Self.croppedCard(width: 600)
        let configuration = ExtractorConfiguration(
            regions: try TestRegions.table(), models: try PPOCRFixtures.models.get())
        let card = try #require(try KTPExtractor(configuration: configuration).extract(bytes).card)
        #expect(card.fields[.nik] == truth[.nik])
        #expect(card.fields[.fullName] == truth[.fullName])
    }

    @Test func aCardNarrowerThanSixHundredPixelsIsAClearError() throws {
        let (bytes, _) = try Self.croppedCard(width: 590)
        #expect(throws: ImageError.self) { try KTPExtractor().extract(bytes) }
    }
}

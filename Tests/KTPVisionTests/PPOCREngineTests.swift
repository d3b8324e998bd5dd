import Foundation
import Testing
@testable import KTPVision

/// The PP-OCR engine with the real models on the committed SPESIMEN photos.
@Suite struct PPOCREngineTests {
    var clean: Fixtures.Record {
        get throws { try #require(Fixtures.records.first { $0.condition == "clean" }) }
    }

    @Test func theCleanCardsNIKNameAndProvinceLineAreReadVerbatim() throws {
        let record = try clean
        let card = try PPOCRFixtures.levelledCard(record)
        let text = try PPOCRFixtures.engine().read(card).map(\.text).joined(separator: "\n")
        #expect(text.contains(record.fields[.nik]), "\(text)")
        #expect(text.contains(record.fields[.fullName]), "\(text)")
        #expect(text.contains("PROVINSI \(record.fields[.state])"), "\(text)")
    }

    @Test func detectionFindsManyLineShapedBoxesInsideTheImage() throws {
        let card = try PPOCRFixtures.levelledCard(try clean)
        let boxes = try PPOCRFixtures.engine().detect(card)
        // A KTP has some twenty printed lines, label and value often apart.
        #expect(boxes.count >= 15)
        for text in boxes {
            #expect(text.box.x >= 0 && text.box.y >= 0 && text.box.width > 0 && text.box.height > 0)
            #expect(text.box.maxX <= card.width && text.box.maxY <= card.height)
            #expect(text.score >= 0.5 && text.score <= 1)
        }
        #expect(boxes.filter { $0.box.width > 2 * $0.box.height }.count >= boxes.count / 2)
    }

    @Test func detectionInARegionStaysInsideIt() throws {
        let card = try PPOCRFixtures.levelledCard(try clean)
        let region = PixelRect(x: 0, y: card.height / 2, width: card.width / 2, height: card.height / 2)
        let boxes = try PPOCRFixtures.engine().detect(card, region: region)
        #expect(!boxes.isEmpty)
        for text in boxes {
            #expect(text.box.x >= region.x && text.box.y >= region.y)
            #expect(text.box.maxX <= region.maxX && text.box.maxY <= region.maxY)
        }
    }

    @Test func aNIKCropIsReadDigitForDigitWithWordBoxesInsideTheCrop() throws {
        let url = Fixtures.directory.appendingPathComponent("crops/nik-bold-final-8.png")
        let raster = try ImageDecoder.decode(Array(try Data(contentsOf: url)))
        let digits = PixelRect(x: 20, y: 20, width: 448, height: 45)
        let line = try PPOCRFixtures.engine().recognize(raster, boxes: [digits])[0].line
        #expect(line.text == "9406070810557678")
        #expect(line.confidence > 0.9)
        for word in line.words {
            #expect(word.box.x >= digits.x && word.box.maxX <= digits.maxX)
        }
    }

    @Test func wordsOfALineAreSplitAtSpacesInOrderLeftToRight() throws {
        let record = try clean
        let card = try PPOCRFixtures.levelledCard(record)
        let lines = try PPOCRFixtures.engine().read(card)
        let province = try #require(lines.first { $0.text.hasPrefix("PROVINSI") }, "\(lines.map(\.text))")
        #expect(
            province.words.map(\.text) == ["PROVINSI"] + record.fields[.state].split(separator: " ").map(String.init))
        let xs = province.words.map(\.box.x)
        #expect(xs == xs.sorted())
        #expect(province.words.allSatisfy { $0.confidence > 0.5 && $0.confidence <= 1 })
    }

    @Test func recognisingInBatchesReadsWhatOneAtATimeReads() throws {
        let card = try PPOCRFixtures.levelledCard(try clean)
        let engine = try PPOCRFixtures.engine()
        let boxes = try engine.detect(card).map(\.box)
        let batched = try engine.recognize(card, boxes: boxes).map(\.decoding.text)
        let single = try boxes.prefix(6).map { try engine.recognize(card, boxes: [$0])[0].decoding.text }
        // Padding to the batch's widest line may change a marginal character, not whole lines.
        let same = zip(batched, single).filter { $0 == $1 }.count
        #expect(same >= single.count - 1, "\(batched.prefix(6)) vs \(single)")
    }
}

import CTesseract
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
        let text = try PPOCRFixtures.engine().read(card).lines.map(\.text).joined(separator: "\n")
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
        let lines = try PPOCRFixtures.engine().read(card).lines
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

    @Test(arguments: [-7.0, 4.0])
    func thePagesSkewIsTheTiltOfItsDetectedLines(degrees: Double) throws {
        let card = try PPOCRFixtures.levelledCard(try clean)
        let radians = degrees * .pi / 180
        // Leptonica turns clockwise for a positive angle: text then runs down to the right.
        let rotated = pixRotate(card.pix, Float(radians), Int32(L_ROTATE_AREA_MAP), Int32(L_BRING_IN_WHITE), 0, 0)
        let tilted = try #require(Raster(owning: rotated))
        let skew = try #require(try PPOCRFixtures.engine().read(tilted).skew)
        #expect(abs(skew - radians) < 1 * .pi / 180, "\(skew * 180 / .pi)°")
    }

    @Test func wordsAreAboutAsTallAsTheirPrintSoRowsDoNotOverlap() throws {
        let card = try PPOCRFixtures.levelledCard(try clean)
        let words = try PPOCRFixtures.engine().read(card).words
        let rows = LineGrouper.group(words)
        // Boxes grown by the unclip distance overlap their neighbours and chain label rows together; words as
        // tall as their print leave each label at the head of a row of its own.
        let firsts = ["NIK", "Nama", "Tempat/Tgl", "Jenis", "Alamat", "RT/RW", "Kel/Desa", "Kecamatan", "Agama",
            "Status", "Pekerjaan", "Kewarganegaraan", "Berlaku"]
        let heads = Set(firsts.compactMap { first in rows.firstIndex { $0.words.first?.text == first } })
        #expect(heads.count == firsts.count, "\(rows.map(\.text))")
        let steps = zip(rows, rows.dropFirst()).map { $1.box.midY - $0.box.midY }.sorted()
        let heights = words.map(\.box.height).sorted()
        // Print is about half the row pitch; the grown boxes were nine tenths of it.
        #expect(2 * heights[heights.count / 2] < steps[steps.count / 2], "heights \(heights), steps \(steps)")
    }
}

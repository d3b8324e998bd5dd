import Foundation
import KTPContract
import Testing
@testable import KTPVision

/// The whole engine, real PP-OCR and Tesseract included, on the committed SPESIMEN photos.
@Suite struct FixtureExtractionTests {
    static let cards = Fixtures.records.filter(\.isKTP)
    static let sharpCards = cards.filter { !$0.isBlurred }

    @Test func theFixtureSetCoversEveryConditionAndNegatives() {
        let conditions = Set(Fixtures.records.map(\.condition))
        for code in ["clean", "B", "D", "F", "G", "BD", "BF", "BG", "DG", "FG"] { #expect(conditions.contains(code)) }
        #expect(Fixtures.records.filter { !$0.isKTP }.count >= 5)
    }

    @Test func everyCleanCardReadsItsNIKAndNearlyEveryField() throws {
        for record in Self.cards where record.condition == "clean" {
            let card = try #require(Fixtures.extractions[record.file]?.card, "\(record.file) not read")
            #expect(card.fields[.nik] == record.fields[.nik], "\(record.file)")
            let exact = FieldKey.allCases.filter { card.fields[$0] == record.fields[$0] }.count
            #expect(exact >= 15, "\(record.file): \(exact) of 17 fields exact")
        }
    }

    @Test func everySharpCardIsDetectedAndNinetyPercentOfNIKsAreExact() {
        let detected = Self.sharpCards.filter { Fixtures.extractions[$0.file]?.card != nil }
        #expect(detected.count == Self.sharpCards.count)
        let exact = Self.sharpCards.filter { Fixtures.extractions[$0.file]?.card?.fields[.nik] == $0.fields[.nik] }
        #expect(
            Double(exact.count) >= 0.9 * Double(Self.sharpCards.count), "\(exact.count) of \(Self.sharpCards.count)")
    }

    @Test func sharpCardsAverageNinetyPercentOfFieldsExactBesideGlare() {
        let shares = Self.sharpCards.map { record in
            let card = Fixtures.extractions[record.file]?.card
            let keys = FieldKey.allCases.filter { !record.washedOut.contains($0) }
            return Double(keys.filter { card?.fields[$0] == record.fields[$0] }.count) / Double(keys.count)
        }
        let mean = shares.reduce(0, +) / Double(shares.count)
        #expect(mean >= 0.85, "mean field exact \(mean)")
    }

    @Test func noNegativeIsTakenForAKTP() {
        for record in Fixtures.records where !record.isKTP {
            #expect(Fixtures.extractions[record.file]?.outcome == .notDetected, "\(record.file)")
        }
    }

    @Test func darkAndGrayscaleFlagsMatchTheConditionsApplied() {
        for record in Fixtures.records where record.isKTP {
            let quality = Fixtures.extractions[record.file]?.quality
            #expect(quality?.dark == record.imageQuality.dark, "\(record.file)")
            #expect(quality?.grayscale == record.imageQuality.grayscale, "\(record.file)")
        }
    }

    @Test func blurAndFlashlightFlagsAreRightOnMostPhotos() {
        for flag in [\ImageQuality.blur, \ImageQuality.flashlight] {
            let right = Self.cards.filter {
                Fixtures.extractions[$0.file]?.quality[keyPath: flag] == $0.imageQuality[keyPath: flag]
            }
            #expect(
                Double(right.count) >= 0.8 * Double(Self.cards.count), "\(flag): \(right.count) of \(Self.cards.count)")
        }
    }

    @Test func aLocatedCardIsFoundNearItsTrueCorners() throws {
        let text = try String(contentsOf: Fixtures.directory.appendingPathComponent("truth.jsonl"), encoding: .utf8)
        var checked = 0
        for line in text.split(separator: "\n") {
            let object = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            guard object["condition"] as? String == "clean", let truth = object["quad"] as? [[Double]],
                let file = object["file"] as? String, let quad = Fixtures.extractions[file]?.quad
            else { continue }
            let width = try #require(object["width"] as? Double)
            for (found, expected) in zip(quad.corners, truth) {
                #expect(found.distance(to: Point(x: expected[0], y: expected[1])) < 0.03 * width, "\(file)")
            }
            checked += 1
        }
        #expect(checked >= 2)
    }

    @Test func qualityValidationFailsAFlaggedCardAndDetectionComesFirst() throws {
        let dark = try #require(Self.cards.first { $0.condition == "D" })
        let negative = try #require(Fixtures.records.first { !$0.isKTP })
        let now = Date()
        let failed = try #require(Fixtures.extractions[dark.file]).resultBody(
            referenceID: "fixture-1", validateQuality: true, submittedAt: now, completedAt: now)
        #expect(failed.errorCode == .failOn1)
        #expect(failed.data.fields == nil)
        let passed = try #require(Fixtures.extractions[dark.file]).resultBody(
            referenceID: "fixture-1", validateQuality: false, submittedAt: now, completedAt: now)
        #expect(passed.data.status == .success)
        #expect(passed.data.confidence?.count == 17)
        let notACard = try #require(Fixtures.extractions[negative.file]).resultBody(
            referenceID: "fixture-2", validateQuality: true, submittedAt: now, completedAt: now)
        #expect(notACard.errorCode == .ktpNotDetected)
    }

    @Test func withoutARegionTableTheNIKIsStillRead() throws {
        let record = try #require(Self.cards.first { $0.condition == "clean" })
        let extractor = try KTPExtractor(configuration: ExtractorConfiguration(regions: nil))
        let card = try #require(try extractor.extract(Fixtures.bytes(record)).card)
        #expect(card.fields[.nik] == record.fields[.nik])
    }

    @Test func aPoolOfWorkersGivesTheSameResultsAsOneExtractor() async throws {
        let pool = try ExtractorPool(
            workers: 2,
            configuration: ExtractorConfiguration(regions: try TestRegions.table(), models: PPOCRFixtures.models.get()))
        let sample = Array(Self.sharpCards.prefix(4))
        let results = try await withThrowingTaskGroup(of: (String, Extraction).self) { group in
            for record in sample {
                let bytes = try Fixtures.bytes(record)
                group.addTask { (record.file, try await pool.extract(bytes)) }
            }
            return try await group.reduce(into: [String: Extraction]()) { $0[$1.0] = $1.1 }
        }
        for record in sample {
            #expect(results[record.file]?.card?.fields == Fixtures.extractions[record.file]?.card?.fields)
        }
        pool.shutdown()
    }

    @Test func hostileBytesAreRefusedWithACodeNeverACrash() throws {
        let extractor = try KTPExtractor()
        let clean = try Fixtures.bytes(try #require(Self.cards.first))
        #expect(throws: ImageError(.undecodable, "the JPEG has no end-of-image marker")) {
            try extractor.extract(Array(clean.prefix(clean.count / 2)))
        }
        #expect(throws: ImageError(.empty)) { try extractor.extract([]) }
        #expect(throws: ImageError(.unsupportedFormat)) { try extractor.extract(Array("GIF89a....".utf8)) }
    }
}

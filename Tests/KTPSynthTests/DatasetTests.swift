import Foundation
import KTPContract
import KTPVision
import Testing
import KTPSynth

@Suite struct DatasetTests {
    private func luminance(_ photo: GeneratedPhoto) throws -> GrayImage {
        try ImageDecoder.decode(photo.bytes).gray()
    }

    private func mean(_ image: GrayImage) -> Double {
        Double(image.pixels.reduce(0) { $0 + Int($1) }) / Double(image.pixels.count)
    }

    @Test func sameSeedGivesIdenticalPhotosAndTruth() throws {
        let sample = try TestFixtures.sample()
        let again = PhotoFactory(regions: try TestFixtures.regions(), configuration: TestFixtures.sampleConfiguration)
        for index in [0, 3, 4] {
            let photo = try again.photo(at: index)
            #expect(photo == sample[index], "photo \(index) differs")
        }
    }

    @Test func differentSeedGivesDifferentPhotos() throws {
        let sample = try TestFixtures.sample()
        var other = TestFixtures.sampleConfiguration
        other.seed += 1
        let photo = try PhotoFactory(regions: try TestFixtures.regions(), configuration: other).photo(at: 0)
        #expect(photo.bytes != sample[0].bytes)
        #expect(photo.truth.fields != sample[0].truth.fields)
    }

    @Test func everyConditionAppearsOnceWithItsFlags() throws {
        let ktps = try TestFixtures.sample().filter(\.truth.isKTP)
        #expect(ktps.map(\.truth.condition).sorted() == PhotoCondition.standard.map(\.code).sorted())
        for photo in ktps {
            let condition = try PhotoCondition(code: photo.truth.condition)
            #expect(photo.truth.imageQuality == condition.quality)
            #expect(photo.truth.file.contains("-ktp-\(condition.code)."))
            if !condition.quality.flashlight { #expect(photo.truth.washedOut.isEmpty) }
            #expect(photo.truth.coverage.map(PhotoComposer.cardCoverage.contains) == true)
        }
    }

    @Test func photosAreWithinTheContractLimits() throws {
        for photo in try TestFixtures.sample() {
            let header = try ImageStructure.validate(photo.bytes)
            // A tightly cropped scan is under the contract's minimum but within a reader's.
            try header.check(photo.truth.capture == .scan ? .reader : .contract)
            #expect(header.width == photo.truth.width && header.height == photo.truth.height)
            #expect(photo.bytes.count <= 5 * 1024 * 1024)
            #expect(photo.truth.file.hasSuffix(header.format == .png ? ".png" : ".jpg"))
        }
    }

    @Test func negativesAreMarkedNotKTPAndCarryNoFields() throws {
        let negatives = try TestFixtures.sample().filter { !$0.truth.isKTP }
        #expect(Set(negatives.map(\.truth.condition)) == Set(NegativeKind.allCases.map { "negative:\($0.rawValue)" }))
        for photo in negatives {
            #expect(photo.truth.fields == nil && photo.truth.washedOut.isEmpty)
            let line = String(decoding: try DatasetWriter.makeEncoder().encode(photo.truth), as: UTF8.self)
            #expect(line.contains("\"is_ktp\":false") && !line.contains("\"nik\""))
        }
    }

    @Test func grayscalePhotosHaveNoChroma() throws {
        let sample = try TestFixtures.sample()
        for photo in sample {
            let rgb = try ImageDecoder.decode(photo.bytes).rgb()
            var chroma = 0
            rgb.pixels.withUnsafeBufferPointer { p in
                for i in stride(from: 0, to: p.count, by: 3) {
                    chroma = max(chroma, abs(Int(p[i]) - Int(p[i + 1])), abs(Int(p[i + 1]) - Int(p[i + 2])))
                }
            }
            if photo.truth.imageQuality?.grayscale == true {
                #expect(chroma <= 2, "\(photo.truth.file) has chroma \(chroma)")
            } else if photo.truth.isKTP {
                #expect(chroma > 30, "\(photo.truth.file) looks gray")
            }
        }
    }

    @Test func darkPhotosAreDark() throws {
        // Measured on the middle of the card, which the background and its colour cannot sway.
        for photo in try TestFixtures.sample() where photo.truth.isKTP {
            let image = try luminance(photo)
            let corners = try #require(photo.truth.quad)
            let (cx, cy) = (corners.map { $0[0] }.reduce(0, +) / 4, corners.map { $0[1] }.reduce(0, +) / 4)
            let reach = corners.map { abs($0[0] - cx) }.min()! * 0.4
            var total = 0, count = 0
            for y in Int(cy - reach)..<Int(cy + reach) {
                for x in Int(cx - reach)..<Int(cx + reach) {
                    total += Int(image[x, y])
                    count += 1
                }
            }
            let brightness = Double(total) / Double(count)
            if photo.truth.imageQuality?.dark == true {
                #expect(brightness < 80, "\(photo.truth.file) card mean \(brightness)")
            } else {
                #expect(brightness > 100, "\(photo.truth.file) card mean \(brightness)")
            }
        }
    }

    @Test func truthRecordsTheVariantsOfEveryKTP() throws {
        let development = GeneratorProfile.development.pools
        for photo in try TestFixtures.sample() where photo.truth.isKTP {
            let truth = photo.truth
            #expect(truth.font.map(development.faces.contains) == true)
            #expect(truth.layout.map(development.layouts.contains) == true)
            #expect(truth.capture != nil && truth.turn != nil && truth.printedVariants != nil)
            #expect((truth.blurKind != nil) == truth.imageQuality?.blur)
        }
    }

    @Test func truthWithoutTheOptionalKeysStillLoads() throws {
        let line = #"{"file":"a.jpg","is_ktp":false,"image_quality":{"blur":false,"dark":false,"#
            + #""flashlight":false,"grayscale":false},"condition":"clean","washed_out":[],"width":800,"#
            + #""height":600,"coverage":1}"#
        let truth = try JSONDecoder().decode(GroundTruth.self, from: Data(line.utf8))
        #expect(truth.font == nil && truth.blurKind == nil && truth.layout == nil && truth.printedVariants == nil)
    }

    @Test func truthInTheContractsKeysAloneLoadsWithItsConditionDerived() throws {
        let card = #""nik":"3171011708450003","full_name":"SPESIMEN""#
        let labelled = #"{"file":"a.jpg","is_ktp":true,"#
            + #""image_quality":{"blur":true,"dark":false,"flashlight":true,"grayscale":false},"# + card + "}"
        let truth = try JSONDecoder().decode(GroundTruth.self, from: Data(labelled.utf8))
        #expect(truth.condition == "BF")
        #expect(truth.fields?[.nik] == "3171011708450003" && truth.washedOut.isEmpty && truth.width == nil)

        let line = #"{"file":"b.jpg","is_ktp":true,"# + card + "}"
        let bare = try JSONDecoder().decode(GroundTruth.self, from: Data(line.utf8))
        #expect(bare.condition == "unlabelled" && bare.imageQuality == nil)
        let negative = try JSONDecoder().decode(GroundTruth.self, from: Data(#"{"file":"c.jpg","is_ktp":false}"#.utf8))
        #expect(negative.condition == "negative" && negative.fields == nil)
    }

    @Test func truthRoundTripsThroughJSON() throws {
        for photo in try TestFixtures.sample() {
            let data = try DatasetWriter.makeEncoder().encode(photo.truth)
            #expect(try JSONDecoder().decode(GroundTruth.self, from: data) == photo.truth)
            if photo.truth.isKTP {
                let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
                for key in FieldKey.allCases { #expect(object[key.rawValue] as? String != nil, "\(key)") }
            }
        }
    }

    @Test func writerWritesPhotosAndOneTruthLineEach() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("ktp-synth-\(UInt64.random(in: 0...UInt64.max))")
        defer { try? FileManager.default.removeItem(at: directory) }
        let setup = DatasetConfiguration(count: 3, seed: 2026, negativeFraction: 7.0 / 17.0)
        let factory = PhotoFactory(regions: try TestFixtures.regions(), configuration: setup)
        var reported: [Int] = []
        let writer = DatasetWriter(directory: directory, factory: factory)
        let truths = try writer.write { done, _ in reported.append(done) }
        #expect(reported == [1, 2, 3])
        let text = try String(contentsOf: directory.appendingPathComponent("truth.jsonl"), encoding: .utf8)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 3)
        let sample = try TestFixtures.sample()
        for (index, line) in lines.enumerated() {
            let truth = try JSONDecoder().decode(GroundTruth.self, from: Data(line.utf8))
            #expect(truth == truths[index] && truth == sample[index].truth)
            let bytes = try Data(contentsOf: directory.appendingPathComponent(truth.file))
            #expect([UInt8](bytes) == sample[index].bytes)
        }
    }
}

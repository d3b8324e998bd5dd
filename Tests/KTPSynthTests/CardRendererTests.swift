import KTPContract
import KTPVision
import Testing
import KTPSynth

@Suite struct CardRendererTests {
    private func card(seed: UInt64, scale: Double = 1) throws -> (SyntheticIdentity, RenderedCard) {
        var rng = SeededGenerator(seed: seed)
        let identity = try SyntheticIdentity.random(regions: try TestFixtures.regions(), using: &rng)
        return (identity, try CardRenderer.render(identity, scale: scale, using: &rng))
    }

    @Test func cardHasIDSizeAtScaleAndEveryFieldBoxInside() throws {
        let (_, card) = try card(seed: 1)
        #expect(card.image.width == 1012 && card.image.height == 638)
        for key in FieldKey.allCases {
            let box = try #require(card.fieldBoxes[key], "no box for \(key)")
            #expect(box.x >= 0 && box.y >= 0 && box.maxX <= 1012 && box.maxY <= 638, "\(key) box \(box)")
            #expect(box.width > 0 && box.height > 10)
        }
        let (_, large) = try self.card(seed: 1, scale: 1.25)
        #expect(large.image.width == 1265 && large.image.height == 798)
    }

    @Test func renderingIsDeterministic() throws {
        #expect(try card(seed: 4).1 == card(seed: 4).1)
        #expect(try card(seed: 4).1.image != card(seed: 5).1.image)
    }

    @Test func specimenMarkIsVisibleInRed() throws {
        let (_, card) = try card(seed: 2)
        var red = 0
        let p = card.image.pixels
        for i in stride(from: 0, to: p.count, by: 3) where p[i] > 180 && p[i + 1] < 80 && p[i + 2] < 80 {
            red += 1
        }
        // The photo backdrop can be red too, so count only below the last field row.
        var bottomRed = 0
        for y in 580..<638 {
            for x in 0..<300 {
                let i = (y * 1012 + x) * 3
                if p[i] > 180 && p[i + 1] < 80 && p[i + 2] < 80 { bottomRed += 1 }
            }
        }
        #expect(red > 1000 && bottomRed > 200)
    }

    @Test func tesseractReadsHeaderLabelAndNIKOnACleanCard() throws {
        let (identity, card) = try card(seed: 3)
        let lines = try TesseractEngine().recognize(Raster(card.image), segmentation: .sparse)
        let text = lines.map(\.text).joined(separator: "\n")
        let compact = text.filter { !$0.isWhitespace }
        #expect(text.contains("PROVINSI"))
        #expect(text.contains("NIK"))
        #expect(compact.contains(identity.fields[.nik]), "the NIK should be legible")
    }

    @Test(arguments: LayoutVariant.allCases)
    func everyLayoutKeepsItsFieldsOnTheCardAndClearOfThePhoto(variant: LayoutVariant) throws {
        var rng = SeededGenerator(seed: 40)
        let regions = try TestFixtures.regions()
        for _ in 0..<12 {
            var style = CardStyle.random(from: GeneratorProfile.all.pools, using: &rng)
            style.layout = variant
            let identity = try SyntheticIdentity.random(regions: regions, using: &rng)
            let card = try CardRenderer.render(identity, style: style, using: &rng)
            let layout = CardGeometry.of(variant)
            for key in FieldKey.allCases {
                let lines = try #require(card.lineBoxes[key], "no box for \(key)")
                for box in lines {
                    #expect(box.x >= 0 && box.y >= 0 && box.maxX <= 1012 && box.maxY <= 600, "\(key) \(box)")
                    if ![FieldKey.state, .city, .nik].contains(key) {
                        #expect(Double(box.maxX) <= layout.photoX + 10, "\(key) runs into the photo: \(box)")
                    }
                }
            }
        }
    }

    @Test func aLongAddressWrapsOntoASecondLineAndItsTruthIsUnchanged() throws {
        var rng = SeededGenerator(seed: 41)
        var identity = try SyntheticIdentity.random(regions: try TestFixtures.regions(), using: &rng)
        identity.fields[.address] = "JL. GATOT SUBROTO GG. KELAPA GADING NO. 117 KOMPLEKS PERUMAHAN BUMI INDAH"
        let card = try CardRenderer.render(identity, using: &rng)
        let lines = try #require(card.lineBoxes[.address])
        #expect(lines.count == 2 && lines[1].y > lines[0].y)
        #expect(card.printedVariants.contains("wrapped-address"))
        // The rows below moved down by a line.
        #expect(try #require(card.lineBoxes[.rtRw]).first!.y > lines[1].y)
    }

    @Test func everyStyleMarksTheCardSpesimen() throws {
        var rng = SeededGenerator(seed: 42)
        let regions = try TestFixtures.regions()
        for _ in 0..<6 {
            let style = CardStyle.random(from: GeneratorProfile.all.pools, using: &rng)
            let identity = try SyntheticIdentity.random(regions: regions, using: &rng)
            let card = try CardRenderer.render(identity, style: style, using: &rng)
            var bottomRed = 0
            for y in 590..<638 {
                for x in 0..<320 {
                    let i = (y * 1012 + x) * 3
                    let p = card.image.pixels
                    if p[i] > 180 && p[i + 1] < 80 && p[i + 2] < 80 { bottomRed += 1 }
                }
            }
            #expect(bottomRed > 200)
        }
    }
}

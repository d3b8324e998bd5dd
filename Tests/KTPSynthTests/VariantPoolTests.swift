import Foundation
import KTPContract
import KTPVision
import Testing
import KTPSynth

@Suite struct VariantPoolTests {
    @Test func heldOutProfileSharesNoFaceBlurKindOrLayoutWithDevelopment() {
        let development = GeneratorProfile.development.pools, heldOut = GeneratorProfile.heldout.pools
        #expect(Set(development.faces).isDisjoint(with: heldOut.faces))
        #expect(Set(development.blurKinds).isDisjoint(with: heldOut.blurKinds))
        #expect(Set(development.layouts).isDisjoint(with: heldOut.layouts))
        let all = GeneratorProfile.all.pools
        #expect(Set(all.faces) == Set(development.faces + heldOut.faces))
        #expect(Set(all.blurKinds) == Set(development.blurKinds + heldOut.blurKinds))
        #expect(Set(all.layouts) == Set(development.layouts + heldOut.layouts))
    }

    @Test func stylesDrawOnlyFromTheirPools() {
        let development = GeneratorProfile.development.pools
        var rng = SeededGenerator(seed: 31)
        for _ in 0..<500 {
            let style = CardStyle.random(from: GeneratorProfile.heldout.pools, using: &rng)
            #expect(!development.faces.contains(style.valueFace) && !development.faces.contains(style.labelFace))
            #expect(!development.layouts.contains(style.layout))
        }
    }

    @Test func heldOutPhotosNeverUseADevelopmentFaceBlurKindOrLayout() throws {
        let development = GeneratorProfile.development.pools
        let setup = DatasetConfiguration(
            count: 4, seed: 77, conditions: [try PhotoCondition(code: "B"), try PhotoCondition(code: "BG")],
            negativeFraction: 0, pools: GeneratorProfile.heldout.pools)
        let factory = PhotoFactory(regions: try TestFixtures.regions(), configuration: setup)
        for index in 0..<setup.count {
            let truth = try factory.photo(at: index).truth
            let font = try #require(truth.font), layout = try #require(truth.layout)
            let blur = try #require(truth.blurKind)
            #expect(!development.faces.contains(font) && !development.layouts.contains(layout))
            #expect(!development.blurKinds.contains(blur))
        }
        #expect(try factory.photo(at: 1) == factory.photo(at: 1), "held-out photos are deterministic too")
    }

    @Test func developmentIsTheDefaultProfile() {
        #expect(DatasetConfiguration(count: 1, seed: 1).pools == GeneratorProfile.development.pools)
    }

    @Test func everyFaceIsInstalledAndDistinct() throws {
        // fontconfig falls back silently to another face when one is missing: two faces would then
        // draw the same pixels. (Widths alone cannot tell Arial's metrics from Helvetica's.)
        var drawings: [[UInt8]] = []
        for family in CardFace.allCases.map(\.family) + [CardFace.ocrAFamily] {
            let canvas = try CairoCanvas(width: 700, height: 60)
            canvas.rectangle(0, 0, 700, 60)
            canvas.fill(CanvasColor.white)
            canvas.setFont(size: 36, family: family)
            canvas.text("Rtg 1G KAWIN 3171", x: 4, y: 44, color: CanvasColor(hex: 0))
            drawings.append(canvas.rgbImage().pixels)
        }
        #expect(Set(drawings).count == drawings.count)
    }
}

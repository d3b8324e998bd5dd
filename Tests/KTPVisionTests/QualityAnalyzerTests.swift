import Testing
@testable import KTPVision

@Suite struct QualityAnalyzerTests {
    @Test func sharpnessFallsAsEdgesSpread() {
        let sharp = QualityAnalyzer.sharpness(TestImages.stripes(blur: 0))
        let soft = QualityAnalyzer.sharpness(TestImages.stripes(blur: 1.5))
        let blurred = QualityAnalyzer.sharpness(TestImages.stripes(blur: 4))
        #expect(sharp > soft)
        #expect(soft > blurred)
        #expect(sharp > QualityThresholds.calibrated.sharpness)
        #expect(blurred < QualityThresholds.calibrated.sharpness)
    }

    @Test func sharpnessDoesNotDependOnExposure() {
        let bright = QualityAnalyzer.sharpness(TestImages.stripes(blur: 1))
        let dim = QualityAnalyzer.sharpness(GrayImage(width: 400, height: 300,
                                                      pixels: TestImages.stripes(blur: 1).pixels.map { $0 / 3 }))
        #expect(abs(bright - dim) / bright < 0.2)
    }

    @Test func aDimCardIsFlaggedDarkAndABrightOneIsNot() {
        let stripes = TestImages.stripes()
        let bright = QualityAnalyzer.measure(card: TestImages.rgb(stripes), photo: TestImages.rgb(stripes))
        let dim = QualityAnalyzer.measure(card: TestImages.rgb(stripes, gain: 0.3), photo: TestImages.rgb(stripes))
        #expect(!QualityThresholds.calibrated.flags(for: bright).dark)
        #expect(QualityThresholds.calibrated.flags(for: dim).dark)
    }

    @Test func aSaturatedSpotIsGlare() {
        var card = RGBImage(width: 200, height: 100, fill: (190, 215, 235))
        #expect(QualityAnalyzer.glare(card, diffuse: 208) == 0)
        for y in 40..<60 {
            for x in 90..<110 {
                let i = 3 * (y * 200 + x)
                card.pixels.replaceSubrange(i..<(i + 3), with: [255, 254, 253])
            }
        }
        #expect(abs(QualityAnalyzer.glare(card, diffuse: 208) - 0.02) < 1e-9)
    }

    @Test func aWhitePageIsNotGlare() {
        let page = RGBImage(width: 200, height: 100, fill: (252, 252, 250))
        #expect(QualityAnalyzer.glare(page, diffuse: 251) == 0)
    }

    @Test func chromaSeparatesGrayscaleFromColour() {
        let stripes = TestImages.stripes()
        let gray = QualityAnalyzer.chroma(TestImages.rgb(stripes))
        let blue = QualityAnalyzer.chroma(TestImages.rgb(stripes, tint: (0.8, 0.93, 1)))
        #expect(gray == 0)
        #expect(blue > QualityThresholds.calibrated.chroma)
    }
}

import Foundation
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
        let dim = QualityAnalyzer.sharpness(
            GrayImage(
                width: 400, height: 300,
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

    /// A mid-blue card with dark text rows, dimmed towards one side as by a lamp.
    static func card(width: Int = 600, height: Int = 378) -> RGBImage {
        var card = RGBImage(width: width, height: height, fill: (110, 150, 200))
        for y in 0..<height {
            for x in 0..<width {
                let i = 3 * (y * width + x)
                let light = 1 - 0.15 * Double(x) / Double(width)
                let text = y % 40 < 10 && x % 12 < 7 && x > 40 && x < width - 40
                for c in 0..<3 {
                    card.pixels[i + c] = UInt8(Double(text ? 30 : card.pixels[i + c]) * light)
                }
            }
        }
        return card
    }

    /// Brightens towards white around (`cx`, `cy`): a saturated core with a soft falloff.
    static func flash(_ image: inout RGBImage, cx: Double, cy: Double, core: Double, falloff: Double) {
        for y in 0..<image.height {
            for x in 0..<image.width {
                let d = ((Double(x) - cx) * (Double(x) - cx) + (Double(y) - cy) * (Double(y) - cy)).squareRoot()
                let t = max(0, d - core) / falloff
                let weight = t >= 1 ? 0 : exp(-4 * t * t) * (1 - t)
                let i = 3 * (y * image.width + x)
                for c in i..<(i + 3) {
                    let value = Double(image.pixels[c])
                    image.pixels[c] = UInt8((value + (255 - value) * weight).rounded())
                }
            }
        }
    }

    @Test func aSoftFlashSpotOnABlueCardIsGlare() {
        var card = Self.card()
        #expect(QualityAnalyzer.glare(card) < QualityThresholds.calibrated.glare)
        Self.flash(&card, cx: 250, cy: 180, core: 25, falloff: 50)
        #expect(QualityAnalyzer.glare(card) > 0.5)
        #expect(QualityThresholds.calibrated.flags(for: QualityAnalyzer.measure(card: card, photo: card)).flashlight)
    }

    @Test func aSoftHighlightThatStaysGrayIsNotGlare() {
        // The same spot dimmed: a metal chip or a printed logo on a dark card, never reaching white.
        var card = Self.card()
        Self.flash(&card, cx: 250, cy: 180, core: 25, falloff: 50)
        card.pixels = card.pixels.map { UInt8(Double($0) * 0.8) }
        #expect(card.pixels.max()! < 210)
        #expect(QualityAnalyzer.glare(card) == 0)
    }

    @Test func aWhitePageIsNotGlare() {
        let page = RGBImage(width: 600, height: 378, fill: (252, 252, 250))
        #expect(QualityAnalyzer.glare(page) < 0.001)
    }

    @Test func aWhiteBorderWithoutASpotIsNotGlare() {
        // The locator framed the card loosely: a band of white table along the top and left.
        var card = Self.card()
        for y in 0..<card.height {
            for x in 0..<card.width where y < 50 || x < 70 {
                let i = 3 * (y * card.width + x)
                card.pixels.replaceSubrange(i..<(i + 3), with: [250, 250, 248])
            }
        }
        #expect(QualityAnalyzer.glare(card) < QualityThresholds.calibrated.glare)
    }

    @Test func chromaSeparatesGrayscaleFromColour() {
        let stripes = TestImages.stripes()
        let gray = QualityAnalyzer.chroma(TestImages.rgb(stripes))
        let blue = QualityAnalyzer.chroma(TestImages.rgb(stripes, tint: (0.8, 0.93, 1)))
        #expect(gray == 0)
        #expect(blue > QualityThresholds.calibrated.chroma)
    }
}

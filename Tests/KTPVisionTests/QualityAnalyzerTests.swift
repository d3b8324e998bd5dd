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

    @Test func aSmallSharpCardEnlargedToTheCanonicalWidthIsNotBlurredButASoftOneIs() throws {
        // Stripes at a quarter of the size, enlarged four times as a 300 px crop is to the canonical card.
        func enlarged(blur: Double) throws -> RGBImage {
            let small = Raster(TestImages.stripes(width: 100, height: 75, period: 16, blur: blur))
            return try #require(small.scaled(toWidth: 400, height: 300)).rgb()
        }
        let sharp = try enlarged(blur: 0), soft = try enlarged(blur: 5)
        let flags = { (card: RGBImage, enlargement: Double) in
            QualityThresholds.calibrated.flags(
                for: QualityAnalyzer.measure(card: card, photo: card, enlargement: enlargement))
        }
        #expect(flags(sharp, 1).blur, "judged per card pixel, the enlarged edges look soft")
        #expect(!flags(sharp, 4).blur)
        #expect(flags(soft, 4).blur)
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

    /// Brightens towards white around (`cx`, `cy`): a saturated core with a soft falloff, `aspect` times as high
    /// as wide, its long axis turned by `angle`.
    static func flash(
        _ image: inout RGBImage, cx: Double, cy: Double, core: Double, falloff: Double, aspect: Double = 1,
        angle: Double = 0
    ) {
        for y in 0..<image.height {
            for x in 0..<image.width {
                let (dx, dy) = (Double(x) - cx, Double(y) - cy)
                let along = dx * cos(angle) + dy * sin(angle), across = (dy * cos(angle) - dx * sin(angle)) / aspect
                let d = (along * along + across * across).squareRoot()
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

    @Test func anObliqueElongatedFlashSpotIsGlare() {
        // A third as high as long and turned by 30°: the circle reaching its far end holds it only a third full.
        var card = Self.card(width: 1200, height: 756)
        Self.flash(&card, cx: 600, cy: 380, core: 90, falloff: 120, aspect: 0.35, angle: .pi / 6)
        #expect(QualityAnalyzer.glare(card) > QualityThresholds.calibrated.glare)
    }

    @Test func anEllipseFillsItsMomentsEllipseAndARingDoesNot() {
        let width = 60
        func cells(_ inside: (Double, Double) -> Bool) -> [Int] {
            (0..<(width * width)).filter { inside(Double($0 % width) - 30, Double($0 / width) - 30) }
        }
        let ellipse = QualityAnalyzer.ellipseFit(cells { x, y in x * x / 400 + y * y / 49 <= 1 }, width: width)
        #expect(abs(ellipse.fill - 1) < 0.1)
        #expect(abs(ellipse.elongation - 20.0 / 7) < 0.2)
        let ring = QualityAnalyzer.ellipseFit(cells { x, y in (200...400).contains(x * x + y * y) }, width: width)
        #expect(ring.fill < 0.5)
    }

    @Test func aSmallSteepFlashSpotIsGlare() {
        // Its lobe fades within a cell or two of the grid, but over a dozen card pixels.
        var card = Self.card(width: 1200, height: 756)
        Self.flash(&card, cx: 500, cy: 380, core: 48, falloff: 28)
        #expect(QualityAnalyzer.glare(card) > QualityThresholds.calibrated.glare)
    }

    @Test func aSharpEdgedWhiteDiscIsNotGlare() {
        // A sun in a photo or a printed white seal: as round and bright as a flash, with a cut edge.
        var card = Self.card(width: 1200, height: 756)
        for y in 0..<card.height {
            for x in 0..<card.width where (x - 500) * (x - 500) + (y - 380) * (y - 380) < 50 * 50 {
                let i = 3 * (y * card.width + x)
                card.pixels.replaceSubrange(i..<(i + 3), with: [250, 250, 250])
            }
        }
        #expect(QualityAnalyzer.glare(card) < QualityThresholds.calibrated.glare)
    }

    @Test func aFlashEdgeIsWideAndADrawnDiscEdgeIsNot() {
        var soft = Self.card(width: 1200, height: 756)
        Self.flash(&soft, cx: 500, cy: 380, core: 48, falloff: 28)
        var disc = Self.card(width: 1200, height: 756)
        Self.flash(&disc, cx: 500, cy: 380, core: 48, falloff: 1)
        // The core: the cells within 40 card pixels of the centre.
        let grid = QualityAnalyzer.cellMeans(soft, cell: QualityAnalyzer.glareCell)
        let core = grid.values.indices.filter { i in
            let dx = Double(i % grid.width) * 8 + 4 - 500, dy = Double(i / grid.width) * 8 + 4 - 380
            return dx * dx + dy * dy < 40 * 40
        }
        #expect(QualityAnalyzer.edgeWidth(soft.luminance(), core: core, width: grid.width) >= 6)
        #expect(QualityAnalyzer.edgeWidth(disc.luminance(), core: core, width: grid.width) <= 2)
    }

    @Test func aSpotWhoseFringeMeetsAPaleBorderIsGlare() {
        // The spot's faint edge runs into a band of pale table the locator left along the top.
        var card = Self.card()
        for y in 0..<24 {
            for x in 0..<card.width {
                let i = 3 * (y * card.width + x)
                card.pixels.replaceSubrange(i..<(i + 3), with: [200, 200, 198])
            }
        }
        Self.flash(&card, cx: 300, cy: 80, core: 25, falloff: 50)
        #expect(QualityAnalyzer.glare(card) > 0.5)
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

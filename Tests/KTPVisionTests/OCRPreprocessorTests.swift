import Foundation
import Testing
@testable import KTPVision

@Suite struct OCRPreprocessorTests {
    /// A dark band (value 60) across the left fifth of a bright (200) image, with seeded noise of
    /// standard deviation `noise` and the edge spread by a logistic of scale `blur`.
    static func band(width: Int = 200, height: Int = 80, blur: Double = 0, noise: Double = 0) -> GrayImage {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        let edge = Double(width) / 5
        var pixels = [UInt8](repeating: 0, count: width * height)
        for y in 0..<height {
            for x in 0..<width {
                let distance = Double(x) - edge
                let clean = blur == 0 ? (distance < 0 ? 60 : 200) : 60 + 140 / (1 + exp(-distance / blur))
                // The sum of twelve uniforms less six is close to a unit normal.
                let gaussian = (0..<12).reduce(0) { sum, _ in sum + uniform() } - 6
                pixels[y * width + x] = UInt8(max(0, min(255, (clean + gaussian * noise).rounded())))
            }
        }
        return GrayImage(width: width, height: height, pixels: pixels)
    }

    static func deviation(_ image: GrayImage, x: Range<Int>, y: Range<Int>) -> Double {
        let values = y.flatMap { row in x.map { Double(image[$0, row]) } }
        let mean = values.reduce(0, +) / Double(values.count)
        return (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)).squareRoot()
    }

    static func mean(_ image: GrayImage, x: Range<Int>, y: Range<Int>) -> Double {
        let values = y.flatMap { row in x.map { Double(image[$0, row]) } }
        return values.reduce(0, +) / Double(values.count)
    }

    /// Pixels between the 10 % and 90 % points of the first rising edge along row `y`.
    static func riseWidth(_ image: GrayImage, y: Int) -> Int {
        let row = (0..<image.width).map { Int(image[$0, y]) }
        let (low, high) = (row.min()!, row.max()!)
        let first = row.firstIndex { $0 > low + (high - low) / 10 }!
        let last = row[first...].firstIndex { $0 >= low + (high - low) * 9 / 10 }!
        return last - first
    }

    @Test func despeckleLowersNoiseAndKeepsTheEdge() throws {
        let noisy = Self.band(noise: 8)
        let cleaned = try #require(OCRPreprocessor.despeckle(Raster(noisy))).gray()
        #expect(cleaned.width == noisy.width && cleaned.height == noisy.height)
        let (flatX, flatY) = (100..<180, 10..<70)
        let before = Self.deviation(noisy, x: flatX, y: flatY)
        let after = Self.deviation(cleaned, x: flatX, y: flatY)
        #expect(before > 7 && before < 9)
        #expect(after < before * 0.7)
        // Either side of the edge, two pixels out, the step keeps nearly all of its 140 levels.
        let step = Self.mean(cleaned, x: 42..<44, y: flatY) - Self.mean(cleaned, x: 36..<38, y: flatY)
        #expect(step > 140 * 0.9)
    }

    @Test func sharpenEnlargesSteepensAndStretches() throws {
        let soft = Self.band(blur: 3)
        let sharp = try #require(OCRPreprocessor.sharpen(Raster(soft))).gray()
        #expect(sharp.width == 300 && sharp.height == 120)
        // Enlarging alone widens the rise by half; the unsharp mask and stretch take some of that back.
        let before = Double(Self.riseWidth(soft, y: 40))
        let after = Double(Self.riseWidth(sharp, y: 60))
        #expect(after < before * 1.5 * 0.9)
        // The band is stretched to black and the paper to white.
        #expect(Self.mean(sharp, x: 5..<40, y: 20..<100) < 10)
        #expect(Self.mean(sharp, x: 150..<290, y: 20..<100) > 245)
    }

    @Test func sharpenedModePreparesAnEnlargedGrayCard() {
        let card = Raster(TestImages.rgb(Self.band(blur: 2, noise: 4)))
        let plain = OCRPreprocessor.prepare(card, mode: .plain)
        let sharpened = OCRPreprocessor.prepare(card, mode: .sharpened)
        #expect(plain.depth == 8 && plain.width == 200)
        #expect(sharpened.depth == 8 && sharpened.width == 300 && sharpened.height == 120)
    }

    @Test func noiseTellsGrainFromASoftEdge() {
        // A soft photo measures under 0.8 and a dim one lifted from the dark from 1.1 up.
        #expect(OCRPreprocessor.noise(in: Raster(Self.band(blur: 3))) < 0.3)
        #expect(OCRPreprocessor.noise(in: Raster(Self.band(blur: 3, noise: 4))) > 2)
    }

    @Test func smoothTakesGrainOutAndKeepsASoftEdgesStep() throws {
        let noisy = Self.band(blur: 3, noise: 8)
        let smooth = try #require(OCRPreprocessor.smooth(Raster(noisy))).gray()
        let (flatX, flatY) = (100..<180, 10..<70)
        #expect(Self.deviation(smooth, x: flatX, y: flatY) < Self.deviation(noisy, x: flatX, y: flatY) * 0.4)
        let step = Self.mean(smooth, x: 55..<60, y: flatY) - Self.mean(smooth, x: 20..<25, y: flatY)
        #expect(step > 140 * 0.9)
    }

    @Test func stretchLocallyDarkensFadedStrokesAndLeavesPaperLight() throws {
        // Strokes three pixels wide every twelve: at 20 on paper at 235 on the left, faded by glare
        // to 205 on paper at 245 on the right, and plain paper below both.
        let (width, height) = (240, 60)
        let pixels = (0..<(width * height)).map { index -> UInt8 in
            let (x, y) = (index % width, index / width)
            let faded = x >= width / 2
            guard y < 30, x % 12 < 3 else { return faded ? 245 : 235 }
            return faded ? 205 : 20
        }
        let image = GrayImage(width: width, height: height, pixels: pixels)
        let stretched = try #require(OCRPreprocessor.stretchLocally(Raster(image), window: 25, minimumRange: 40)).gray()
        #expect(Self.mean(stretched, x: 181..<182, y: 5..<25) < 30)
        #expect(Self.mean(stretched, x: 187..<190, y: 5..<25) > 220)
        #expect(Self.mean(stretched, x: 61..<62, y: 5..<25) < 30)
        // Paper far from any stroke has no range to stretch, and keeps its light level.
        #expect(Self.mean(stretched, x: 140..<200, y: 50..<60) > 200)
    }

    /// The band photographed in dim light: every level scaled by `factor`.
    static func dimmed(_ image: GrayImage, by factor: Double) -> GrayImage {
        GrayImage(
            width: image.width, height: image.height,
            pixels: image.pixels.map { UInt8((Double($0) * factor).rounded()) })
    }

    @Test func liftExposureBringsADimCardsPaperBackToLight() throws {
        // Paper at 50 and ink at 15: darker than Leptonica's foreground threshold everywhere.
        let dim = Self.dimmed(Self.band(), by: 0.25)
        let lifted = try #require(OCRPreprocessor.liftExposure(Raster(dim))).gray()
        let (inkX, paperX, rows) = (5..<35, 60..<195, 10..<70)
        #expect(abs(Self.mean(lifted, x: paperX, y: rows) - 235) <= 3)
        #expect(abs(Self.mean(lifted, x: inkX, y: rows) - 70.5) <= 3)
    }

    @Test func liftExposureLeavesAWellLitCardAlone() {
        #expect(OCRPreprocessor.liftExposure(Raster(Self.band())) == nil)
    }

    @Test func plainModeGivesADimCardLightPaperAndDarkStrokes() {
        // Strokes three pixels wide every twelve, at 15 on paper at 50, like a line of dim text.
        let (width, height) = (240, 60)
        let pixels = (0..<(width * height)).map { $0 % width % 12 < 3 ? UInt8(15) : UInt8(50) }
        let dim = Raster(TestImages.rgb(GrayImage(width: width, height: height, pixels: pixels)))
        let prepared = OCRPreprocessor.prepare(dim, mode: .plain).gray()
        let columns = (0..<width).filter { $0 > 12 && $0 < width - 12 }
        func mean(_ phase: Range<Int>) -> Double {
            let values = (5..<(height - 5)).flatMap { y in
                columns.filter { phase.contains($0 % 12) }.map { Double(prepared[$0, y]) }
            }
            return values.reduce(0, +) / Double(values.count)
        }
        let (ink, paper) = (mean(1..<2), mean(6..<10))
        #expect(paper > 180)
        #expect(paper - ink > 100)
    }

    @Test func plainModeSmoothsTheGrainThatLiftingADimCardAmplifiesButNotAWellLitCardsGrain() {
        // The same grain on a dim card is multiplied by the lift; on a lit card it stays as it was.
        let grainy = Self.band(blur: 2, noise: 3)
        let dim = OCRPreprocessor.prepare(Raster(TestImages.rgb(Self.dimmed(grainy, by: 0.25))), mode: .plain)
        let lit = OCRPreprocessor.prepare(Raster(TestImages.rgb(grainy)), mode: .plain)
        let paper = (60..<195, 10..<70)
        #expect(Self.deviation(dim.gray(), x: paper.0, y: paper.1) < 2.5, "the lifted grain was smoothed")
        #expect(Self.deviation(lit.gray(), x: paper.0, y: paper.1) > 2.5, "a lit card's grain is left alone")
    }

    @Test func colouredBackgroundLinesFadeWhileBlackInkStays() {
        // Light-blue paper crossed by darker blue guilloche lines (rows 20-21), and a black stroke (columns 100-103):
        // in the red channel alone the blue lines are as dark as a hyphen.
        let (width, height) = (200, 60)
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            for x in 0..<width {
                let colour: (UInt8, UInt8, UInt8) =
                    (100..<104).contains(x) ? (20, 20, 25) : (20..<22).contains(y) ? (90, 140, 230) : (200, 225, 245)
                let i = (y * width + x) * 3
                (pixels[i], pixels[i + 1], pixels[i + 2]) = colour
            }
        }
        let prepared = OCRPreprocessor.prepare(Raster(RGBImage(width: width, height: height, pixels: pixels))).gray()
        let paper = Self.mean(prepared, x: 20..<80, y: 40..<50)
        let line = Self.mean(prepared, x: 20..<80, y: 20..<22)
        let ink = Self.mean(prepared, x: 100..<104, y: 40..<50)
        #expect(paper - line < 30, "the blue line nearly vanishes: paper \(paper), line \(line)")
        #expect(paper - ink > 120, "the black stroke stays dark: paper \(paper), ink \(ink)")
    }
}

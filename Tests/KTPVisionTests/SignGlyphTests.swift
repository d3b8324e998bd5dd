import Testing
@testable import KTPVision

struct SignGlyphTests {
    /// A light crop 100×40 px, with dark rectangles (x, y, width, height) painted on it.
    static func crop(_ rectangles: [(Int, Int, Int, Int)], ink: UInt8 = 40) -> GrayImage {
        var image = GrayImage(width: 100, height: 40, pixels: [UInt8](repeating: 220, count: 100 * 40))
        for (x, y, width, height) in rectangles {
            for row in y..<(y + height) {
                for column in x..<(x + width) { image.pixels[row * 100 + column] = ink }
            }
        }
        return image
    }

    /// A capital `B` of 14 px, roughly: a stem and three bars, at x 20.
    static let letter = [(20, 13, 3, 14), (20, 13, 9, 2), (20, 19, 9, 2), (20, 25, 9, 2), (28, 13, 2, 14)]

    @Test func aBarWithAStrokeThroughItsMiddleIsAPlus() {
        let plus = Self.crop(Self.letter + [(36, 19, 10, 2), (40, 15, 2, 10)])
        #expect(SignGlyph.sign(in: plus, rowHeight: 14) == "+")
    }

    @Test func aShortFlatBarIsAMinus() {
        let minus = Self.crop(Self.letter + [(36, 20, 7, 2)])
        #expect(SignGlyph.sign(in: minus, rowHeight: 14) == "-")
    }

    @Test func aLetterOnItsOwnIsNeitherSign() {
        #expect(SignGlyph.sign(in: Self.crop(Self.letter), rowHeight: 14) == nil)
    }

    @Test func aBlotAsTallAsItIsWideIsNeitherSign() {
        // Blur spreads a `-` into a round smear that could as well be a `+`.
        #expect(SignGlyph.sign(in: Self.crop(Self.letter + [(36, 16, 8, 8)]), rowHeight: 14) == nil)
    }

    @Test func aMarkCutByTheCropsEdgeIsNotJudged() {
        #expect(SignGlyph.sign(in: Self.crop(Self.letter + [(94, 20, 6, 2)]), rowHeight: 14) == nil)
    }

    @Test func aMarkOffTheValuesRowIsNotJudged() {
        // The foot of the next row's text, cut by the crop, is flat like a `-`.
        #expect(SignGlyph.sign(in: Self.crop(Self.letter + [(36, 38, 7, 2)]), rowHeight: 14) == nil)
        #expect(SignGlyph.sign(in: Self.crop(Self.letter + [(36, 31, 7, 2)]), rowHeight: 14) == nil)
    }

    @Test func aCropWithoutContrastHasNoSign() {
        #expect(SignGlyph.sign(in: Self.crop([(36, 20, 7, 2)], ink: 200), rowHeight: 14) == nil)
    }
}

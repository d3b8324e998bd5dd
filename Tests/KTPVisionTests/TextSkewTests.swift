import Foundation
import Testing
@testable import KTPVision

struct TextSkewTests {
    /// Rows of words along lines that fall `slope` pixels per pixel across, as on a tilted card.
    static func tiltedWords(slope: Double, rows: Int = 6) -> [OCRWord] {
        (0..<rows).flatMap { row in
            [100, 260, 420].map { x in
                let y = 80 + row * 60 + Int((Double(x) * slope).rounded())
                return OCRWord(text: "WORD", box: PixelRect(x: x, y: y, width: 120, height: 30), confidence: 0.9)
            }
        }
    }

    @Test(arguments: [-0.14, -0.03, 0, 0.08])
    func neighbouringWordsGiveTheSlopeOfTheirLines(slope: Double) throws {
        let angle = try #require(TextSkew.angle(of: Self.tiltedWords(slope: slope)))
        #expect(abs(angle - atan(slope)) < 0.01)
    }

    @Test func aFewScatteredWordsGiveNoAngle() {
        #expect(TextSkew.angle(of: Array(Self.tiltedWords(slope: 0.1).prefix(4))) == nil)
        let column = (0..<10).map {
            OCRWord(text: "X", box: PixelRect(x: 100, y: $0 * 50, width: 30, height: 30), confidence: 0.9)
        }
        #expect(TextSkew.angle(of: column) == nil)
    }

    @Test func detectedLinesGiveTheirWidthWeightedMedianDirection() throws {
        func line(_ angle: Double, width: Int, elongation: Double = 10) -> DetectedText {
            let box = PixelRect(x: 0, y: 0, width: width, height: 20)
            return DetectedText(box: box, score: 0.9, angle: angle, elongation: elongation)
        }
        let lines = [line(0.05, width: 400), line(0.06, width: 300), line(0.05, width: 200), line(-0.4, width: 50)]
        #expect(try #require(TextSkew.angle(of: lines)) == 0.05)
        // Round blots have no direction, and three lines are not a page.
        #expect(TextSkew.angle(of: lines.prefix(3) + [line(1, width: 900, elongation: 1.2)]) == nil)
    }
}

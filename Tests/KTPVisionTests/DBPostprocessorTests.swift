import Foundation
import Testing
@testable import KTPVision

@Suite struct DBPostprocessorTests {
    /// A 40 × 20 map with `blobs` (x, y, width, height, probability) painted on zero.
    func map(_ blobs: [(Int, Int, Int, Int, Float)]) -> [Float] {
        var map = [Float](repeating: 0, count: 40 * 20)
        for (x0, y0, w, h, p) in blobs {
            for y in y0..<(y0 + h) { for x in x0..<(x0 + w) { map[y * 40 + x] = p } }
        }
        return map
    }

    func boxes(_ map: [Float], imageWidth: Int = 40, imageHeight: Int = 20) -> [DetectedText] {
        map.withUnsafeBufferPointer {
            DBPostprocessor().boxes(in: $0, width: 40, height: 20, imageWidth: imageWidth, imageHeight: imageHeight)
        }
    }

    @Test func eachConfidentRegionIsOneBoxInReadingOrder() throws {
        // Ten image pixels a map pixel, so that rows are further apart than the 10-pixel row tolerance.
        let found = boxes(
            map([(22, 2, 10, 4, 0.9), (2, 3, 12, 4, 0.8), (4, 12, 20, 4, 0.9)]), imageWidth: 400,
            imageHeight: 200)
        try #require(found.count == 3)
        // The first two share a row (tops 2 and 3): the left one, found second, comes first.
        #expect(found[0].box.x < 50)
        #expect(found[1].box.x > 150)
        #expect(found[2].box.y > found[1].box.y + 50)
    }

    @Test func aRegionIsGrownByTheUnclipDistance() {
        // 10 × 4, dilated to 11 × 5 (x 10...20, y 8...12); ratio 1.6: 55 × 1.6 / 32 = 2.75 pixels every side.
        let found = boxes(map([(10, 8, 10, 4, 0.9)]))
        #expect(found.count == 1)
        #expect(found.first?.box == PixelRect(x: 7, y: 5, width: 17, height: 11))
        // The mean over the dilated region: 40 pixels at 0.9 among 55.
        #expect(abs((found.first?.score ?? 0) - 36.0 / 55) < 1e-6)
    }

    @Test func aFaintOrThinRegionIsDropped() {
        // Above the pixel threshold but under the box threshold; and one a pixel high (two, dilated).
        #expect(boxes(map([(5, 5, 10, 5, 0.4), (20, 12, 15, 1, 0.9)])).isEmpty)
        #expect(boxes(map([(5, 5, 10, 5, 0.8), (20, 12, 15, 1, 0.9)])).count == 1)
    }

    @Test func boxesAreScaledToTheImage() {
        let found = boxes(map([(10, 8, 10, 4, 0.9)]), imageWidth: 80, imageHeight: 40)
        // 7.25...23.75 × 5.25...15.75 map pixels, doubled and rounded.
        #expect(found.first?.box == PixelRect(x: 15, y: 11, width: 33, height: 21))
    }

    @Test func aSlantedBarGivesItsDirectionAndABlotNone() throws {
        // A bar 30 long falling one pixel in six, two thick; and a 5 × 5 blot.
        var map = [Float](repeating: 0, count: 40 * 20)
        for x in 2..<32 {
            for y in (3 + x / 6)...(4 + x / 6) { map[y * 40 + x] = 0.9 }
        }
        for y in 12..<17 { for x in 33..<38 { map[y * 40 + x] = 0.9 } }
        let found = boxes(map)
        let bar = try #require(found.first { $0.box.width > 20 })
        #expect(abs(bar.angle - atan(1.0 / 6)) < 0.03, "\(bar.angle)")
        #expect(bar.elongation > 6)
        let blot = try #require(found.first { $0.box.width < 20 })
        #expect(blot.elongation < 1.5)
    }

    @Test func theCoreIsTheRegionBeforeGrowing() {
        let found = boxes(map([(10, 8, 10, 4, 0.9)]), imageWidth: 80, imageHeight: 40)
        // Dilated to 11 × 5 map pixels at x 10...20, y 8...12, doubled.
        #expect(found.first?.core == PixelRect(x: 20, y: 16, width: 22, height: 10))
    }
}

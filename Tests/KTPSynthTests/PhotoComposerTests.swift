import KTPVision
import Testing
import KTPSynth

@Suite struct PhotoComposerTests {
    @Test func cardQuadCoversFortyFiveToNinetyFivePercentAndStaysInFrame() {
        var rng = SeededGenerator(seed: 21)
        for _ in 0..<500 {
            let layout = PhotoComposer.plan(baseWidth: 1012, baseHeight: 638, using: &rng)
            #expect(PhotoComposer.cardCoverage.contains(layout.coverage), "coverage \(layout.coverage)")
            #expect(layout.quad.minX >= 0 && layout.quad.minY >= 0)
            #expect(layout.quad.maxX <= Double(layout.width) && layout.quad.maxY <= Double(layout.height))
            #expect(PhotoComposer.photoSizes.contains { $0 == (layout.width, layout.height) })
        }
    }

    @Test func composedCardLandsOnItsQuad() throws {
        var rng = SeededGenerator(seed: 22)
        let layout = PhotoComposer.plan(baseWidth: 200, baseHeight: 100, coverage: 0.5...0.5, using: &rng)
        let green = RGBImage(width: Int(200 * layout.scale), height: Int(100 * layout.scale), fill: (0, 255, 0))
        let document = RenderedCard(image: green, fieldBoxes: [:], scale: layout.scale, cornerRadius: 0)
        let background = Raster(RGBImage(width: layout.width, height: layout.height, fill: (255, 0, 255)))
        let photo = try PhotoComposer.compose(document, onto: background, layout: layout, using: &rng).rgb()
        let corners = layout.quad.corners.map { SIMD2($0.x, $0.y) }
        let centre = corners.reduce(SIMD2<Double>.zero, +) / 4
        func pixel(_ point: SIMD2<Double>) -> [UInt8] {
            let i = (Int(point.y) * photo.width + Int(point.x)) * 3
            return Array(photo.pixels[i..<(i + 3)])
        }
        #expect(pixel(centre) == [0, 255, 0])
        // Just inside each corner is card, just outside (away from the centre) is not.
        for corner in corners {
            let inward = corner + (centre - corner) * 0.05
            #expect(pixel(inward)[1] > 200, "inside \(corner)")
            let outward = corner + (corner - centre) * 0.08
            if outward.x >= 0, outward.y >= 0, outward.x < Double(photo.width), outward.y < Double(photo.height) {
                #expect(pixel(outward)[1] < 100, "outside \(corner)")
            }
        }
    }
}

import Foundation
import KTPVision
import Testing
import KTPSynth

@Suite struct PhotoComposerTests {
    @Test func cardQuadCoversThirtyToNinetyFivePercentAndStaysInFrame() {
        var rng = SeededGenerator(seed: 21)
        var captures: [CaptureKind: Int] = [:], turns: [Int: Int] = [:]
        for _ in 0..<500 {
            let layout = PhotoComposer.plan(baseWidth: 1012, baseHeight: 638, using: &rng)
            #expect(PhotoComposer.cardCoverage.contains(layout.coverage), "coverage \(layout.coverage)")
            #expect(layout.quad.minX >= -1 && layout.quad.minY >= -1)
            #expect(layout.quad.maxX <= Double(layout.width) + 1 && layout.quad.maxY <= Double(layout.height) + 1)
            let (long, short) = (max(layout.width, layout.height), min(layout.width, layout.height))
            if layout.capture == .scan {
                #expect((595...1105).contains(long) && short >= 240, "scan \(layout.width)×\(layout.height)")
            } else {
                #expect(layout.capture.frameSizes.contains { $0 == (long, short) })
                #expect((layout.width > layout.height) == (layout.turn % 180 == 0))
            }
            captures[layout.capture, default: 0] += 1
            turns[layout.turn, default: 0] += 1
        }
        // Most photos are upright phone photos; scans, large frames and turned photos are a minority.
        #expect((30...100).contains(captures[.scan] ?? 0) && (8...45).contains(captures[.large] ?? 0), "\(captures)")
        #expect(Set(turns.keys) == [0, 90, 180, 270] && (30...100).contains(500 - turns[0]!), "\(turns)")
    }

    @Test func keystoneStaysWithinTwentyDegrees() {
        // The angle between opposite edges of the quad grows with the card's tilt; at 20° and a
        // camera 1.3 card widths away it stays under about 12°.
        var rng = SeededGenerator(seed: 23)
        var steepest = 0.0
        for _ in 0..<400 {
            let quad = PhotoComposer.plan(baseWidth: 1012, baseHeight: 638, capture: .phone, using: &rng).quad
            let c = quad.corners
            func direction(_ a: Point, _ b: Point) -> Double { atan2(b.y - a.y, b.x - a.x) }
            func between(_ a: Double, _ b: Double) -> Double {
                let d = abs(a - b).truncatingRemainder(dividingBy: 2 * .pi)
                return min(d, 2 * .pi - d) * 180 / .pi
            }
            let top = direction(c[0], c[1]), bottom = direction(c[3], c[2])
            let left = direction(c[0], c[3]), right = direction(c[1], c[2])
            steepest = max(steepest, between(top, bottom), between(left, right))
        }
        #expect(steepest > 4 && steepest < 15, "steepest edge convergence \(steepest)°")
    }

    @Test(arguments: [0, 90, 180, 270])
    func aTurnedCardsTopLeftCornerLandsOnTheQuadsFirstCorner(turn: Int) throws {
        var rng = SeededGenerator(seed: 24)
        let layout = PhotoComposer.plan(baseWidth: 200, baseHeight: 100, capture: .phone, turn: turn, using: &rng)
        // Green card with a red top-left quarter.
        var card = RGBImage(width: Int(200 * layout.scale), height: Int(100 * layout.scale), fill: (0, 255, 0))
        for y in 0..<(card.height / 2) {
            for x in 0..<(card.width / 2) {
                let i = (y * card.width + x) * 3
                card.pixels.replaceSubrange(i..<(i + 3), with: [255, 0, 0])
            }
        }
        let document = RenderedCard(image: card, fieldBoxes: [:], scale: layout.scale, cornerRadius: 0)
        let background = Raster(RGBImage(width: layout.width, height: layout.height, fill: (0, 0, 255)))
        let photo = try PhotoComposer.compose(document, onto: background, layout: layout, using: &rng).rgb()
        #expect((photo.width > photo.height) == (turn % 180 == 0))
        let corners = layout.quad.corners.map { SIMD2($0.x, $0.y) }
        let centre = corners.reduce(SIMD2<Double>.zero, +) / 4
        for (index, corner) in corners.enumerated() {
            let inside = corner + (centre - corner) * 0.2
            let i = (Int(inside.y) * photo.width + Int(inside.x)) * 3
            let red = photo.pixels[i] > 200 && photo.pixels[i + 1] < 60
            #expect(red == (index == 0), "turn \(turn), corner \(index)")
        }
    }

    @Test func composedCardLandsOnItsQuad() throws {
        var rng = SeededGenerator(seed: 22)
        let layout = PhotoComposer.plan(
            baseWidth: 200, baseHeight: 100, coverage: 0.5...0.5, capture: .phone, using: &rng)
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

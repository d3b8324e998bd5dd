import Testing
@testable import KTPVision

@Suite struct CardLocatorTests {
    @Test(arguments: [-10.0, -4.0, 0.0, 6.0, 10.0])
    func findsTheCornersOfARotatedCard(degrees: Double) throws {
        let scene = TestImages.cardOnDesk(degrees: degrees)
        let quad = try #require(CardLocator.locate(in: scene.image))
        for (found, expected) in zip(quad.corners, scene.corners) {
            #expect(found.distance(to: expected) < 6, "corner \(found) vs \(expected)")
        }
    }

    @Test func findsASmallCardCoveringHalfTheFrame() throws {
        let scene = TestImages.cardOnDesk(cardWidth: 270, degrees: 3)
        let quad = try #require(CardLocator.locate(in: scene.image))
        #expect(abs(quad.aspectRatio - CardLocator.cardAspectRatio) < 0.08)
    }

    @Test func findsTheCardInAGrayscalePhotoByBrightness() throws {
        let scene = TestImages.cardOnDesk(degrees: -5)
        let gray = TestImages.rgb(scene.image.luminance())
        let quad = try #require(CardLocator.locate(in: gray))
        #expect(quad.topLeft.distance(to: scene.corners[0]) < 6)
    }

    @Test func findsNothingInAPlainPhoto() {
        let plain = RGBImage(width: 480, height: 360, fill: (110, 72, 40))
        #expect(CardLocator.locate(in: plain) == nil)
    }

    @Test func quadAreaAndAspectOfARectangle() {
        let quad = Quad(
            topLeft: Point(x: 0, y: 0), topRight: Point(x: 856, y: 0),
            bottomRight: Point(x: 856, y: 540), bottomLeft: Point(x: 0, y: 540))
        #expect(quad.area == 856 * 540)
        #expect(abs(quad.aspectRatio - CardLocator.cardAspectRatio) < 1e-9)
    }

    @Test func quadBoundsFollowAScaleAndAnOffset() {
        let tilted = Quad(
            topLeft: Point(x: 1, y: 0), topRight: Point(x: 10, y: 2),
            bottomRight: Point(x: 9, y: 7), bottomLeft: Point(x: 0, y: 5))
        let moved = tilted.scaled(by: 2).offset(dx: 3, dy: -1)
        #expect([moved.minX, moved.maxX, moved.minY, moved.maxY] == [3, 23, -1, 13])
        #expect(moved.area == tilted.area * 4)
        #expect(moved.bottomRight == Point(x: 21, y: 13))
    }
}

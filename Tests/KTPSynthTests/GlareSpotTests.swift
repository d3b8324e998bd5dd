import KTPContract
import KTPVision
import Testing
import KTPSynth

@Suite struct GlareSpotTests {
    private let boxes: [FieldKey: PixelRect] = [
        .nik: PixelRect(x: 100, y: 100, width: 60, height: 20),
        .fullName: PixelRect(x: 400, y: 300, width: 80, height: 20),
    ]

    @Test func boxUnderTheCoreIsWashedOutAndOthersAreNot() {
        let glare = GlareSpot(centreX: 260, centreY: 220, coreRadius: 60, aspect: 1, falloff: 80)
        #expect(glare.washedOut(boxes, scale: 2) == [.nik])
        let elsewhere = GlareSpot(centreX: 900, centreY: 100, coreRadius: 60, aspect: 1, falloff: 80)
        #expect(elsewhere.washedOut(boxes, scale: 2).isEmpty)
    }

    @Test func aCoreOverOneCharacterOfALongFieldWashesItOut() {
        // The NIK box spans x 200–320 and y 200–240 at scale 2; a core 16 px across its end
        // erases a character or so of it.
        let overTheEnd = GlareSpot(centreX: 312, centreY: 220, coreRadius: 24, aspect: 1, falloff: 40)
        #expect(overTheEnd.washedOut(boxes, scale: 2) == [.nik])
        let grazing = GlareSpot(centreX: 312, centreY: 250, coreRadius: 24, aspect: 1, falloff: 40)
        #expect(grazing.washedOut(boxes, scale: 2).isEmpty)
    }

    @Test func anElongatedGlareWashesOutAlongItsAxisOnly() {
        // A thin ellipse standing upright (rotated by 90°) reaches far up and down, not sideways.
        var image = RGBImage(width: 200, height: 200, fill: (40, 60, 80))
        GlareSpot(centreX: 100, centreY: 100, coreRadius: 60, aspect: 0.2, falloff: 10, angle: .pi / 2)
            .apply(to: &image)
        func red(_ x: Int, _ y: Int) -> UInt8 { image.pixels[(y * 200 + x) * 3] }
        #expect(red(100, 150) == 255 && red(100, 50) == 255)
        #expect(red(150, 100) == 40 && red(50, 100) == 40)
    }

    @Test func coreIsSaturatedAndFarPixelsUntouched() {
        var image = RGBImage(width: 200, height: 100, fill: (40, 60, 80))
        GlareSpot(centreX: 50, centreY: 50, coreRadius: 10, aspect: 1, falloff: 20).apply(to: &image)
        #expect(Array(image.pixels[(50 * 200 + 50) * 3..<(50 * 200 + 51) * 3]) == [255, 255, 255])
        #expect(Array(image.pixels[(50 * 200 + 150) * 3..<(50 * 200 + 151) * 3]) == [40, 60, 80])
        let edge = image.pixels[(50 * 200 + 72) * 3]
        #expect(edge > 40 && edge < 255)
    }

    @Test func flashlightPhotosRecordWashedOutFieldsThatExist() throws {
        for photo in try TestFixtures.sample() where photo.truth.imageQuality?.flashlight == true && photo.truth.isKTP {
            #expect(Set(photo.truth.washedOut).isSubset(of: FieldKey.allCases))
        }
    }
}

import Foundation
import KTPVision
import Testing
import KTPSynth

@Suite struct BlurTests {
    /// A white square on black, blurred, and how many pixels of the centre row and column are in
    /// transition (neither black nor white): the spread of its edges along x and along y.
    private func spread(_ blur: Blur) throws -> (x: Int, y: Int) {
        var image = RGBImage(width: 240, height: 240, fill: (0, 0, 0))
        for y in 90..<150 {
            for x in 90..<150 {
                let i = (y * 240 + x) * 3
                image.pixels.replaceSubrange(i..<(i + 3), with: [255, 255, 255])
            }
        }
        let gray = try blur.apply(to: Raster(image)).gray()
        let inTransition = { (value: UInt8) in value > 25 && value < 230 }
        let alongX = (0..<240).filter { inTransition(gray[$0, 120]) }.count
        let alongY = (0..<240).filter { inTransition(gray[120, $0]) }.count
        return (alongX, alongY)
    }

    @Test func motionBlurSpreadsAnEdgeAlongItsAngleAndNotAcrossIt() throws {
        let horizontal = try spread(Blur(kind: .motion, size: 30, angle: 0))
        #expect(horizontal.x >= 3 * horizontal.y, "horizontal streak spread \(horizontal)")
        let vertical = try spread(Blur(kind: .motion, size: 30, angle: Double.pi / 2))
        #expect(vertical.y >= 3 * vertical.x, "vertical streak spread \(vertical)")
    }

    @Test(arguments: [BlurKind.gaussian, .defocus])
    func lensBlurSpreadsEdgesAlikeInEveryDirection(kind: BlurKind) throws {
        let result = try spread(Blur(kind: kind, size: 8))
        #expect(result.x > 4 && result.y > 4, "\(kind) spread \(result)")
        #expect(abs(result.x - result.y) <= 2, "\(kind) spread \(result)")
    }

    @Test func blurKeepsThePhotoSize() throws {
        let image = RGBImage(width: 301, height: 157, fill: (10, 200, 30))
        for kind in BlurKind.allCases {
            let blurred = try Blur(kind: kind, size: 5, angle: 0.7).apply(to: Raster(image))
            #expect(blurred.width == 301 && blurred.height == 157)
        }
    }
}

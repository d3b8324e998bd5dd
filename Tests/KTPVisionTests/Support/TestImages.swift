import Foundation
@testable import KTPVision

/// Small images drawn in code, for stage tests that need exact, known pixels.
enum TestImages {
    /// A light-blue card-proportioned rectangle, rotated by `degrees`, on a brown background, with
    /// black bars standing in for text rows.
    static func cardOnDesk(
        width: Int = 480, height: Int = 360, cardWidth: Double = 330, degrees: Double = 0
    )
        -> (image: RGBImage, corners: [Point])
    {
        var image = RGBImage(width: width, height: height, fill: (110, 72, 40))
        let cardHeight = cardWidth / CardLocator.cardAspectRatio
        let angle = degrees * .pi / 180
        let (cx, cy) = (Double(width) / 2, Double(height) / 2)
        let (c, s) = (cos(angle), sin(angle))
        for y in 0..<height {
            for x in 0..<width {
                // Into the card's own frame.
                let dx = Double(x) - cx, dy = Double(y) - cy
                let u = c * dx + s * dy, v = -s * dx + c * dy
                guard abs(u) <= cardWidth / 2, abs(v) <= cardHeight / 2 else { continue }
                let i = 3 * (y * width + x)
                let row = Int((v + cardHeight / 2) / cardHeight * 12)
                let isText = row % 2 == 1 && u < cardWidth * 0.1 && Int(u + cardWidth) % 9 < 5
                let colour: (UInt8, UInt8, UInt8) = isText ? (20, 20, 30) : (196, 220, 238)
                image.pixels[i] = colour.0
                image.pixels[i + 1] = colour.1
                image.pixels[i + 2] = colour.2
            }
        }
        let corners = [(-1.0, -1.0), (1.0, -1.0), (1.0, 1.0), (-1.0, 1.0)].map { su, sv in
            let u = su * cardWidth / 2, v = sv * cardHeight / 2
            return Point(x: cx + c * u - s * v, y: cy + s * u + c * v)
        }
        return (image, corners)
    }

    /// Vertical black-on-white stripes with edges spread over `blur` pixels (0 is a hard edge).
    static func stripes(width: Int = 400, height: Int = 300, period: Int = 24, blur: Double = 0) -> GrayImage {
        var pixels = [UInt8](repeating: 0, count: width * height)
        for x in 0..<width {
            let phase = Double(x % period) - Double(period) / 2
            let distance = abs(phase) - Double(period) / 4
            let value: Double
            if blur == 0 {
                value = distance < 0 ? 20 : 230
            } else {
                value = 20 + 210 / (1 + exp(-distance / (blur * 0.6)))
            }
            for y in 0..<height { pixels[y * width + x] = UInt8(max(0, min(255, value))) }
        }
        return GrayImage(width: width, height: height, pixels: pixels)
    }

    /// A gray image as RGB with the same value in every channel, optionally scaled and tinted.
    static func rgb(_ gray: GrayImage, gain: Double = 1, tint: (Double, Double, Double) = (1, 1, 1)) -> RGBImage {
        var pixels = [UInt8](repeating: 0, count: gray.pixels.count * 3)
        for (i, v) in gray.pixels.enumerated() {
            let value = Double(v) * gain
            pixels[3 * i] = UInt8(max(0, min(255, value * tint.0)))
            pixels[3 * i + 1] = UInt8(max(0, min(255, value * tint.1)))
            pixels[3 * i + 2] = UInt8(max(0, min(255, value * tint.2)))
        }
        return RGBImage(width: gray.width, height: gray.height, pixels: pixels)
    }
}

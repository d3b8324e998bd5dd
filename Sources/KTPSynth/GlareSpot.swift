import Foundation
import KTPContract
import KTPVision

/// A flashlight's specular reflection on the card's laminate: a saturated white core with a
/// soft falloff, in card image pixels. It is drawn on the card, before the photo is taken.
public struct GlareSpot: Sendable, Hashable {
    public var centreX: Double
    public var centreY: Double
    /// Radius of the fully saturated core along x; y is `coreRadius * aspect`.
    public var coreRadius: Double
    public var aspect: Double
    /// How far past the core the brightening reaches.
    public var falloff: Double
    /// The ellipse's x axis, radians from the image's x axis.
    public var angle: Double

    public init(
        centreX: Double, centreY: Double, coreRadius: Double, aspect: Double, falloff: Double, angle: Double = 0
    ) {
        self.centreX = centreX
        self.centreY = centreY
        self.coreRadius = coreRadius
        self.aspect = aspect
        self.falloff = falloff
        self.angle = angle
    }

    /// An elliptical spot, small (a core 4–8% of the card width across), medium (8–16%) or large
    /// (16–26%), over a field's text half the time.
    public static func random(on card: RenderedCard, using rng: inout SeededGenerator) -> GlareSpot {
        let width = Double(card.image.width), height = Double(card.image.height)
        let across = rng.weighted([(0.04...0.08, 0.35), (0.08...0.16, 0.45), (0.16...0.26, 0.2)])
        let core = rng.uniform(across) * width / 2
        var (x, y) = (rng.uniform(0.15...0.85) * width, rng.uniform(0.2...0.8) * height)
        let keys = FieldKey.allCases.filter { card.fieldBoxes[$0] != nil }
        if !keys.isEmpty, rng.chance(0.5) {
            let box = card.fieldBoxes[rng.pick(keys)]!
            x = (Double(box.x) + Double(box.width) * rng.uniform(0.2...0.8)) * card.scale
            y = (Double(box.y) + Double(box.height) / 2) * card.scale
        }
        return GlareSpot(
            centreX: x, centreY: y, coreRadius: core, aspect: rng.uniform(0.35...1),
            falloff: core * rng.uniform(1.2...3), angle: rng.uniform(0...Double.pi))
    }

    /// Brightens `image` toward white inside the spot.
    public func apply(to image: inout RGBImage) {
        let reach = (coreRadius + falloff) * max(1, aspect)
        let x0 = max(0, Int(centreX - reach)), x1 = min(image.width - 1, Int(centreX + reach))
        let y0 = max(0, Int(centreY - reach)), y1 = min(image.height - 1, Int(centreY + reach))
        guard x0 <= x1, y0 <= y1 else { return }
        let width = image.width
        image.pixels.withUnsafeMutableBufferPointer { pixels in
            for y in y0...y1 {
                for x in x0...x1 {
                    let weight = self.weight(Double(x), Double(y))
                    guard weight > 0.002 else { continue }
                    let i = (y * width + x) * 3
                    for channel in i..<(i + 3) {
                        let value = Double(pixels[channel])
                        pixels[channel] = UInt8(min(255, value + (255 - value) * weight).rounded())
                    }
                }
            }
        }
    }

    /// 1 in the saturated core, falling smoothly to 0 over `falloff`.
    func weight(_ x: Double, _ y: Double) -> Double {
        let distance = radius(x, y)
        if distance <= coreRadius { return 1 }
        let t = (distance - coreRadius) / falloff
        return t >= 1 ? 0 : exp(-4 * t * t) * (1 - t)
    }

    /// Distance from the centre in the core's units (x radius), accounting for the aspect.
    func radius(_ x: Double, _ y: Double) -> Double {
        let (x0, y0) = (x - centreX, y - centreY)
        let (c, s) = (cos(angle), sin(angle))
        let dx = x0 * c + y0 * s, dy = (y0 * c - x0 * s) / aspect
        return (dx * dx + dy * dy).squareRoot()
    }

    /// The fields with at least a character's worth of print inside the saturated core: a
    /// stretch of the text box, as wide as half its height, where the core covers the text from
    /// top to bottom. That print is gone, so no reading can give the field back exactly.
    public func washedOut(_ boxes: [FieldKey: PixelRect], scale: Double) -> [FieldKey] {
        washedOut(lines: boxes.mapValues { [$0] }, scale: scale)
    }

    /// The same for fields printed on several lines: a field is gone when any of its lines is.
    public func washedOut(lines: [FieldKey: [PixelRect]], scale: Double) -> [FieldKey] {
        FieldKey.allCases.filter { key in
            (lines[key] ?? []).contains { isWashedOut($0, scale: scale) }
        }
    }

    private func isWashedOut(_ box: PixelRect, scale: Double) -> Bool {
        guard box.width > 0, box.height > 0 else { return false }
        let step = Double(box.height) / 8
        var run = 0.0
        var longest = 0.0
        for x in stride(from: Double(box.x) + step / 2, to: Double(box.x + box.width), by: step) {
            let covered = [0.2, 0.5, 0.8].allSatisfy { fraction in
                radius(x * scale, (Double(box.y) + Double(box.height) * fraction) * scale) <= coreRadius
            }
            run = covered ? run + step : 0
            longest = max(longest, run)
        }
        return longest >= Double(box.height) / 2
    }
}

import CTesseract
import Foundation
import KTPContract
import KTPVision

/// The capture effects applied after a document is composed into a photo, in the order a
/// camera produces them: optics (blur), then exposure (lighting, darkness, sensor noise), then
/// the colour pipeline (grayscale). Glare is drawn on the card earlier; JPEG comes last.
public struct Degradation: Sendable, Hashable {
    public var quality: ImageQuality
    /// The blur of a B photo; `nil` for a sharp one.
    public var blur: Blur?
    /// Overall brightness multiplier: about 1 normally, 0.2–0.5 for a dark photo.
    public var exposure: Double
    /// Applied after the exposure; above 1 darkens the mid-tones as a dim scene does.
    public var gamma: Double
    /// Standard deviation of the per-channel sensor noise, in 8-bit levels.
    public var noise: Double
    /// Strength of the darkening towards the corners.
    public var vignette: Double
    /// A brightness ramp across the frame along `lightAngle`, as from a window or lamp.
    public var lightSlope: Double
    public var lightAngle: Double
    /// A soft-edged shadow over part of the frame (a hand, a phone): the light kept in it, 1 for none,
    /// the edge as a line `x·cos θ + y·sin θ = offset` (photo pixels) and its soft width.
    public var shadowLight: Double
    public var shadowAngle: Double
    public var shadowOffset: Double
    public var shadowSoftness: Double
    /// Whether a grayscale photo is stored with 8-bit samples rather than as gray RGB.
    public var storesGrayAsEightBit: Bool

    /// Parameters for `condition`, with blur scaled to the document's width, its kind from `blurKinds`.
    public static func random(
        for condition: PhotoCondition, documentWidth: Double, blurKinds: [BlurKind] = [.gaussian],
        frameWidth: Int = 1600, frameHeight: Int = 1200, using rng: inout SeededGenerator
    ) -> Degradation {
        let quality = condition.quality
        let blur = quality.blur ? Blur.random(rng.pick(blurKinds), documentWidth: documentWidth, using: &rng) : nil
        // Dark either by exposure (a dim room, the camera's gain low) or by a steep tone curve.
        let underexposed = rng.chance(0.5)
        let exposure =
            quality.dark ? rng.uniform(underexposed ? 0.2...0.38 : 0.36...0.5) : rng.uniform(0.93...1.07)
        let gamma = quality.dark ? rng.uniform(underexposed ? 1.05...1.35 : 1.5...1.9) : rng.uniform(0.92...1.08)
        let shadowed = rng.chance(0.3)
        let (w, h) = (Double(frameWidth), Double(frameHeight))
        let shadowAngle = rng.uniform(0...(2 * Double.pi))
        // The edge passes through the middle half of the frame.
        let (px, py) = (w * rng.uniform(0.25...0.75), h * rng.uniform(0.25...0.75))
        return Degradation(
            quality: quality,
            blur: blur,
            exposure: exposure,
            gamma: gamma,
            noise: quality.dark ? rng.uniform(4...10) : rng.uniform(1...2.5),
            vignette: rng.uniform(0.05...0.25),
            lightSlope: rng.uniform(-0.3...0.3),
            lightAngle: rng.uniform(0...(2 * Double.pi)),
            shadowLight: shadowed ? rng.uniform(0.6...0.85) : 1,
            shadowAngle: shadowAngle,
            shadowOffset: px * cos(shadowAngle) + py * sin(shadowAngle),
            shadowSoftness: max(w, h) * rng.uniform(0.01...0.08),
            storesGrayAsEightBit: rng.chance(0.5)
        )
    }

    /// The degraded photo; 8 bpp when it is stored as 8-bit grayscale, else 32 bpp.
    public func apply(to photo: Raster, using rng: inout SeededGenerator) throws(SynthError) -> Raster {
        var current = photo
        if let blur { current = try blur.apply(to: current) }
        expose(current, using: &rng)
        guard quality.grayscale else { return current }
        guard let gray = Raster(owning: pixConvertRGBToLuminance(current.pix)) else {
            throw SynthError(.imageOperationFailed, "pixConvertRGBToLuminance")
        }
        if storesGrayAsEightBit { return gray }
        guard let rgb = Raster(owning: pixConvert8To32(gray.pix)) else {
            throw SynthError(.imageOperationFailed, "pixConvert8To32")
        }
        return rgb
    }

    /// Lighting gain, exposure, gamma and sensor noise in one pass over the 32 bpp words.
    private func expose(_ raster: Raster, using rng: inout SeededGenerator) {
        let (width, height) = (raster.width, raster.height)
        var curve = [Double](repeating: 0, count: 256)
        for level in 0..<256 { curve[level] = 255 * pow(Double(level) / 255, gamma) }
        let (cx, cy) = (Double(width) / 2, Double(height) / 2)
        let radius2 = cx * cx + cy * cy
        let diagonal = radius2.squareRoot()
        let (ux, uy) = (cos(lightAngle), sin(lightAngle))
        let (sx, sy) = (cos(shadowAngle), sin(shadowAngle))
        let shadowed = shadowLight < 1
        curve.withUnsafeBufferPointer { curve in
            for y in 0..<height {
                let row = ktp_pix_row(raster.pix, Int32(y))!
                let dy = Double(y) - cy
                for x in 0..<width {
                    let dx = Double(x) - cx
                    let falloff = 1 - vignette * (dx * dx + dy * dy) / radius2
                    var light = falloff * (1 + lightSlope * (dx * ux + dy * uy) / diagonal)
                    if shadowed {
                        let side = (Double(x) * sx + Double(y) * sy - shadowOffset) / shadowSoftness
                        let inShadow = max(0, min(1, 0.5 + side))
                        light *= 1 - (1 - shadowLight) * inShadow * inShadow * (3 - 2 * inShadow)
                    }
                    let gain = light * exposure
                    let word = row[x]
                    let bits = rng.next()
                    var out: UInt32 = 0
                    for channel in 0..<3 {
                        let shift = UInt32(24 - 8 * channel)
                        let level = min(255, Double(word >> shift & 0xFF) * gain)
                        let grain = Self.normal(bits >> UInt64(21 * channel)) * noise
                        let value = curve[Int(level)] + grain
                        out |= UInt32(max(0, min(255, value.rounded()))) << shift
                    }
                    row[x] = out
                }
            }
        }
    }

    /// An approximately standard normal value from 21 random bits: the sum of three 7-bit
    /// uniforms (Irwin–Hall), cheap enough for every sample of a photo.
    private static func normal(_ bits: UInt64) -> Double {
        let sum = Double(bits & 0x7F) + Double(bits >> 7 & 0x7F) + Double(bits >> 14 & 0x7F)
        return (sum - 190.5) / 64
    }
}

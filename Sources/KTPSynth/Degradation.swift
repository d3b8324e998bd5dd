import CTesseract
import Foundation
import KTPContract
import KTPVision

/// The capture effects applied after a document is composed into a photo, in the order a
/// camera produces them: optics (blur), then exposure (lighting, darkness, sensor noise), then
/// the colour pipeline (grayscale). Glare is drawn on the card earlier; JPEG comes last.
public struct Degradation: Sendable, Hashable {
    public var quality: ImageQuality
    /// Gaussian sigma in photo pixels; 0 for a sharp photo.
    public var blurSigma: Double
    /// Overall brightness multiplier: about 1 normally, 0.2–0.4 for a dark photo.
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
    /// Whether a grayscale photo is stored with 8-bit samples rather than as gray RGB.
    public var storesGrayAsEightBit: Bool

    /// Parameters for `condition`, with blur scaled to the document's width in the photo.
    public static func random(
        for condition: PhotoCondition, documentWidth: Double,
        using rng: inout SeededGenerator
    ) -> Degradation {
        let quality = condition.quality
        return Degradation(
            quality: quality,
            blurSigma: quality.blur ? rng.uniform(1.4...2.4) * documentWidth / 1000 : 0,
            exposure: quality.dark ? rng.uniform(0.2...0.4) : rng.uniform(0.95...1.05),
            gamma: quality.dark ? rng.uniform(1.1...1.35) : rng.uniform(0.95...1.05),
            noise: quality.dark ? rng.uniform(4...8) : rng.uniform(1...2.5),
            vignette: rng.uniform(0.05...0.25),
            lightSlope: rng.uniform(-0.15...0.15),
            lightAngle: rng.uniform(0...(2 * Double.pi)),
            storesGrayAsEightBit: rng.chance(0.5)
        )
    }

    /// The degraded photo; 8 bpp when it is stored as 8-bit grayscale, else 32 bpp.
    public func apply(to photo: Raster, using rng: inout SeededGenerator) throws(SynthError) -> Raster {
        var current = photo
        if blurSigma > 0 { current = try Self.blur(current, sigma: blurSigma) }
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

    /// A Gaussian blur done at half resolution and scaled back up, which costs an eighth of a
    /// full-size convolution and is indistinguishable at these sigmas.
    static func blur(_ raster: Raster, sigma: Double) throws(SynthError) -> Raster {
        guard let half = Raster(owning: pixScaleAreaMap2(raster.pix)) else {
            throw SynthError(.imageOperationFailed, "pixScaleAreaMap2")
        }
        // Area-averaging and linear upscaling add about 0.6 px (full size) of blur themselves.
        let halfSigma = max(0.5, (sigma * sigma - 0.36).squareRoot() / 2)
        let halfWidth = Int32((3 * halfSigma).rounded(.up))
        var kernelX: UnsafeMutablePointer<L_KERNEL>?
        var kernelY: UnsafeMutablePointer<L_KERNEL>?
        guard makeGaussianKernelSep(halfWidth, halfWidth, Float(halfSigma), 1, &kernelX, &kernelY) == 0 else {
            throw SynthError(.imageOperationFailed, "makeGaussianKernelSep")
        }
        defer {
            kernelDestroy(&kernelX)
            kernelDestroy(&kernelY)
        }
        guard let blurred = Raster(owning: pixConvolveRGBSep(half.pix, kernelX, kernelY)),
            let full = Raster(owning: pixScaleToSize(blurred.pix, Int32(raster.width), Int32(raster.height)))
        else { throw SynthError(.imageOperationFailed, "Gaussian blur") }
        return full
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
        curve.withUnsafeBufferPointer { curve in
            for y in 0..<height {
                let row = ktp_pix_row(raster.pix, Int32(y))!
                let dy = Double(y) - cy
                for x in 0..<width {
                    let dx = Double(x) - cx
                    let falloff = 1 - vignette * (dx * dx + dy * dy) / radius2
                    let light = falloff * (1 + lightSlope * (dx * ux + dy * uy) / diagonal)
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

import CTesseract
import Foundation
import KTPVision

/// One blur of a photo: Gaussian, motion at an angle, or defocus. Done at reduced resolution and
/// scaled back up, which costs a fraction of a full-size convolution and looks the same at these sizes.
public struct Blur: Sendable, Hashable {
    public var kind: BlurKind
    /// The Gaussian's sigma, the motion streak's length or the disc's radius, in photo pixels.
    public var size: Double
    /// The direction of motion, radians from the x axis (y down); unused by the other kinds.
    public var angle: Double

    public init(kind: BlurKind, size: Double, angle: Double = 0) {
        self.kind = kind
        self.size = size
        self.angle = angle
    }

    /// A blur of `kind` as strong as condition B asks for, scaled to the document's width in pixels.
    public static func random(
        _ kind: BlurKind, documentWidth: Double, using rng: inout SeededGenerator
    ) -> Blur {
        let perMille = documentWidth / 1000
        switch kind {
        case .gaussian: return Blur(kind: kind, size: rng.uniform(1.4...2.4) * perMille)
        case .motion:
            return Blur(kind: kind, size: rng.uniform(6...14) * perMille, angle: rng.uniform(0...Double.pi))
        case .defocus: return Blur(kind: kind, size: rng.uniform(2.6...4.6) * perMille)
        }
    }

    /// The blurred photo, the same size as `raster` (32 bpp).
    public func apply(to raster: Raster) throws(SynthError) -> Raster {
        // Large frames are reduced by 4, others by 2; each halving adds about 0.3 px of blur itself.
        let factor = max(raster.width, raster.height) > 2600 ? 4.0 : 2.0
        var reduced = raster
        for _ in 0..<(factor == 4 ? 2 : 1) {
            guard let half = Raster(owning: pixScaleAreaMap2(reduced.pix)) else {
                throw SynthError(.imageOperationFailed, "pixScaleAreaMap2")
            }
            reduced = half
        }
        let blurred: Raster
        switch kind {
        case .gaussian:
            let sigma = max(0.5, (size * size - 0.36).squareRoot() / factor)
            blurred = try Self.gaussian(reduced, sigma: sigma)
        case .motion:
            blurred = try Self.convolve(reduced, Self.motionKernel(length: size / factor, angle: angle))
        case .defocus:
            blurred = try Self.convolve(reduced, Self.discKernel(radius: size / factor))
        }
        guard let full = Raster(owning: pixScaleToSize(blurred.pix, Int32(raster.width), Int32(raster.height)))
        else { throw SynthError(.imageOperationFailed, "pixScaleToSize") }
        return full
    }

    private static func gaussian(_ raster: Raster, sigma: Double) throws(SynthError) -> Raster {
        let halfWidth = Int32((3 * sigma).rounded(.up))
        var kernelX: UnsafeMutablePointer<L_KERNEL>?
        var kernelY: UnsafeMutablePointer<L_KERNEL>?
        guard makeGaussianKernelSep(halfWidth, halfWidth, Float(sigma), 1, &kernelX, &kernelY) == 0 else {
            throw SynthError(.imageOperationFailed, "makeGaussianKernelSep")
        }
        defer {
            kernelDestroy(&kernelX)
            kernelDestroy(&kernelY)
        }
        guard let blurred = Raster(owning: pixConvolveRGBSep(raster.pix, kernelX, kernelY)) else {
            throw SynthError(.imageOperationFailed, "Gaussian blur")
        }
        return blurred
    }

    /// A kernel as rows of weights summing to 1, centred on its middle element.
    struct Kernel {
        var width: Int
        var height: Int
        var weights: [Float]
    }

    /// A line `length` long through the centre at `angle`, sampled finely and spread bilinearly.
    static func motionKernel(length: Double, angle: Double) -> Kernel {
        let cx = abs(length / 2 * cos(angle)).rounded(.up) + 1
        let cy = abs(length / 2 * sin(angle)).rounded(.up) + 1
        let (width, height) = (Int(2 * cx) + 1, Int(2 * cy) + 1)
        var weights = [Float](repeating: 0, count: width * height)
        let samples = max(8, Int(length * 4))
        for index in 0...samples {
            let t = (Double(index) / Double(samples) - 0.5) * length
            let (x, y) = (cx + t * cos(angle), cy + t * sin(angle))
            let (x0, y0) = (Int(x.rounded(.down)), Int(y.rounded(.down)))
            let (fx, fy) = (x - Double(x0), y - Double(y0))
            let taps = [(0, 0, (1 - fx) * (1 - fy)), (1, 0, fx * (1 - fy)), (0, 1, (1 - fx) * fy), (1, 1, fx * fy)]
            for (dx, dy, w) in taps where x0 + dx < width && y0 + dy < height {
                weights[(y0 + dy) * width + x0 + dx] += Float(w)
            }
        }
        return normalized(Kernel(width: width, height: height, weights: weights))
    }

    /// A uniform disc of `radius` with an antialiased rim.
    static func discKernel(radius: Double) -> Kernel {
        let reach = Int((radius + 0.5).rounded(.up))
        let side = 2 * reach + 1
        var weights = [Float](repeating: 0, count: side * side)
        for y in 0..<side {
            for x in 0..<side {
                let distance = (Double((x - reach) * (x - reach) + (y - reach) * (y - reach))).squareRoot()
                weights[y * side + x] = Float(max(0, min(1, radius + 0.5 - distance)))
            }
        }
        return normalized(Kernel(width: side, height: side, weights: weights))
    }

    private static func normalized(_ kernel: Kernel) -> Kernel {
        let total = kernel.weights.reduce(0, +)
        guard total > 0 else { return Kernel(width: 1, height: 1, weights: [1]) }
        return Kernel(width: kernel.width, height: kernel.height, weights: kernel.weights.map { $0 / total })
    }

    private static func convolve(_ raster: Raster, _ kernel: Kernel) throws(SynthError) -> Raster {
        var created = kernelCreate(Int32(kernel.height), Int32(kernel.width))
        defer { kernelDestroy(&created) }
        guard let leptonica = created else { throw SynthError(.imageOperationFailed, "kernelCreate") }
        for y in 0..<kernel.height {
            for x in 0..<kernel.width {
                kernelSetElement(leptonica, Int32(y), Int32(x), kernel.weights[y * kernel.width + x])
            }
        }
        kernelSetOrigin(leptonica, Int32(kernel.height / 2), Int32(kernel.width / 2))
        guard let blurred = Raster(owning: pixConvolveRGB(raster.pix, leptonica)) else {
            throw SynthError(.imageOperationFailed, "pixConvolveRGB")
        }
        return blurred
    }
}

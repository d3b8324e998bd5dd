import CTesseract

/// Prepares a rectified card for Tesseract.
public enum OCRPreprocessor {
    /// How a card is prepared.
    public enum Mode: Sendable, Hashable, CaseIterable {
        /// Background normalisation only: right for sharp photos.
        case plain
        /// Despeckled, enlarged, unsharp-masked and contrast-stretched: Tesseract reads soft text
        /// far better when its strokes are steepened and it has more pixels to segment.
        case sharpened
    }

    /// How much the sharpened mode enlarges the card.
    static let enlargement: Float = 1.5
    /// The unsharp mask's half-width at the enlarged scale: a blurred stroke edge spreads over
    /// several pixels there, and a mask narrower than that steepens the noise more than the edge.
    static let unsharpHalfWidth: Int32 = 6
    /// How much of the high-pass detail the unsharp mask adds back.
    static let unsharpFraction: Float = 1.5
    /// Where exposure lifting puts the 97th percentile, the paper of a card that fills most of the image.
    static let liftedPaper = 235
    /// Exposure lifting multiplies by at most this much, so a nearly black image is not made of noise.
    static let maximumLift = 5.0
    /// A photo that needs less than this is left to background normalisation alone.
    static let minimumLift = 1.25
    /// Sensor noise above this (mean distance of a pixel from its 3×3 median) is smoothed before a
    /// soft card is sharpened. Soft but clean photos measure under 0.8, dim ones lifted from the
    /// dark 1.1 and far more.
    static let noisy = 1.0

    /// Each pixel's brightest channel: ink is dark in every channel, while a coloured print (the card's
    /// background pattern in any hue, a red stamp, a photo's backdrop) is bright in at least one and fades.
    /// A dark photo's exposure is lifted, and background normalisation then evens out lighting gradients.
    public static func prepare(_ card: Raster, mode: Mode = .plain) -> Raster {
        let rgb = Raster(owning: pixConvertTo32(card.pix)) ?? card
        guard let ink = Raster(owning: pixConvertRGBToGrayMinMax(rgb.pix, Int32(L_CHOOSE_MAX))) else {
            return card
        }
        let exposed = liftExposure(ink)
        var lifted = exposed ?? ink
        // Lifting a dim photo multiplies its sensor noise too; smoothed, the detector finds its lines again.
        if mode == .sharpened || exposed != nil, noise(in: lifted) >= noisy { lifted = smooth(lifted) ?? lifted }
        let normalised = Raster(owning: pixBackgroundNormSimple(lifted.pix, nil, nil)) ?? lifted
        guard mode == .sharpened else { return normalised }
        return sharpen(despeckle(normalised) ?? normalised) ?? normalised
    }

    /// A dark photo stretched so its paper is light again, or `nil` when it is light enough already.
    /// Leptonica's background normalisation takes everything darker than 100 for ink, so on a dim
    /// photo it finds no paper at all and leaves the card as dark as it came.
    static func liftExposure(_ gray: Raster) -> Raster? {
        let paper = gray.gray().percentile(0.97)
        let gain = min(maximumLift, Double(liftedPaper) / Double(max(paper, 1)))
        guard gain >= minimumLift else { return nil }
        // A linear map that sends `0` to black and `255 / gain` to white.
        return Raster(owning: pixGammaTRC(nil, gray.pix, 1.0, 0, Int32((255 / gain).rounded())))
    }

    /// How far pixels stray from their 3×3 median, on average: grain, not print, because a stroke
    /// is wider than the median's window and survives it.
    static func noise(in gray: Raster) -> Double {
        guard let median = despeckle(gray),
            let difference = Raster(owning: pixAbsDifference(gray.pix, median.pix))
        else { return 0 }
        let pixels = difference.gray().pixels
        return Double(pixels.reduce(0) { $0 + Int($1) }) / Double(max(pixels.count, 1))
    }

    /// Two 3×3 box means, a 5×5 tent. A soft photo's strokes are already wider than this, so it costs them
    /// little, while the grain a dim photo gains from lifting would otherwise be steepened into
    /// specks by the unsharp mask and read as letters.
    static func smooth(_ gray: Raster) -> Raster? {
        guard let once = Raster(owning: pixBlockconvGray(gray.pix, nil, 1, 1)) else { return nil }
        return Raster(owning: pixBlockconvGray(once.pix, nil, 1, 1))
    }

    /// Less contrast than this around a pixel is paper, not faded print.
    static let fadedPrintRange = 40

    /// Each pixel stretched between the darkest and lightest pixel around it, so faint print under
    /// glare reaches black on white like the rest. The lightest is the paper and stays white; a
    /// window with less range than `minimumRange` holds no print and is stretched no further.
    static func stretchLocally(_ gray: Raster, window: Int, minimumRange: Int) -> Raster? {
        let size = Int32(window | 1)
        guard let low = Raster(owning: pixErodeGray(gray.pix, size, size)),
            let high = Raster(owning: pixDilateGray(gray.pix, size, size))
        else { return nil }
        let (pixels, lows, highs) = (gray.gray(), low.gray().pixels, high.gray().pixels)
        var stretched = pixels
        for index in pixels.pixels.indices {
            let range = max(Int(highs[index]) - Int(lows[index]), minimumRange)
            let value = 255 - (Int(highs[index]) - Int(pixels.pixels[index])) * 255 / range
            stretched.pixels[index] = UInt8(clamping: value)
        }
        return Raster(stretched)
    }

    /// A 3×3 median: removes the sensor and JPEG speckle that background normalisation lifts on a
    /// dim photo and that unsharp masking would amplify, without softening stroke edges the way
    /// a mean filter does.
    static func despeckle(_ gray: Raster) -> Raster? {
        Raster(owning: pixMedianFilter(gray.pix, 3, 3))
    }

    /// Enlarges, unsharp-masks and stretches the darkest strokes to black and the paper to white.
    static func sharpen(_ gray: Raster) -> Raster? {
        guard let large = Raster(owning: pixScaleGrayLI(gray.pix, enlargement, enlargement)),
            let sharp = Raster(owning: pixUnsharpMaskingGray(large.pix, unsharpHalfWidth, unsharpFraction))
        else { return nil }
        let pixels = sharp.gray()
        let (ink, paper) = (pixels.percentile(0.01), pixels.percentile(0.5))
        guard paper - ink >= 16 else { return sharp }
        return Raster(owning: pixGammaTRC(nil, sharp.pix, 1.0, Int32(ink), Int32(paper))) ?? sharp
    }
}

import CTesseract
import Foundation
import KTPVision

/// Lays a drawn document into a photo: rotation, mild keystone, a soft shadow, composited onto a
/// background with a warped, antialiased mask.
public enum PhotoComposer {
    /// Landscape camera sizes, all above the contract's 720×480 minimum.
    public static let photoSizes = [(1280, 960), (1600, 1200), (1440, 1080), (1200, 900)]

    /// The share of the frame a KTP covers, measured by its quad's area.
    public static let cardCoverage = 0.45...0.95

    /// Chooses the size, pose and scale of a `baseWidth`×`baseHeight` document in a photo.
    /// Coverage is drawn from `coverage`, capped by what fits inside the frame at this pose
    /// (a card tilted by 10° cannot fill 95% of a 4:3 frame), but never below its lower bound
    /// when the document's shape allows it.
    public static func plan(
        baseWidth: Int, baseHeight: Int, coverage: ClosedRange<Double> = cardCoverage,
        using rng: inout SeededGenerator
    ) -> PhotoLayout {
        let (width, height) = rng.pick(photoSizes)
        let (w, h) = (Double(baseWidth), Double(baseHeight))
        let angle = rng.uniform(-10...10) * Double.pi / 180
        let jitter = 0.04
        let unit = [(-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2)].map { x, y -> Point in
            let movedX = x + rng.uniform(-jitter...jitter) * w
            let movedY = y + rng.uniform(-jitter...jitter) * h
            return Point(x: movedX * cos(angle) - movedY * sin(angle), y: movedX * sin(angle) + movedY * cos(angle))
        }
        let base = Quad(topLeft: unit[0], topRight: unit[1], bottomRight: unit[2], bottomLeft: unit[3])
        let frame = Double(width * height)
        let margin = 0.015 * Double(min(width, height))
        let fit = min(
            (Double(width) - 2 * margin) / (base.maxX - base.minX),
            (Double(height) - 2 * margin) / (base.maxY - base.minY))
        let fitCoverage = fit * fit * base.area / frame
        let upper = min(coverage.upperBound, fitCoverage)
        let lower = min(coverage.lowerBound, upper)
        let target = rng.uniform(lower...upper)
        // At the fitting limit the slack is zero, and rounding may make it a hair negative.
        let scale = min((target * frame / base.area).squareRoot(), fit)
        let placed = base.scaled(by: scale)
        let slackX = max(0, Double(width) - 2 * margin - (placed.maxX - placed.minX))
        let slackY = max(0, Double(height) - 2 * margin - (placed.maxY - placed.minY))
        let dx = margin - placed.minX + rng.uniform(0...slackX)
        let dy = margin - placed.minY + rng.uniform(0...slackY)
        return PhotoLayout(width: width, height: height, quad: placed.offset(dx: dx, dy: dy), scale: scale)
    }

    /// Warps `document` onto `background` so that its corners land on `layout.quad`.
    public static func compose(
        _ document: RenderedCard, onto background: Raster, layout: PhotoLayout,
        using rng: inout SeededGenerator
    ) throws(SynthError) -> Raster {
        let (width, height) = (background.width, background.height)
        let (docWidth, docHeight) = (document.image.width, document.image.height)
        // pixProjectivePta keeps the source size, so the document starts in a frame-sized canvas.
        let frameWidth = max(width, docWidth), frameHeight = max(height, docHeight)
        let source = try blank(frameWidth, frameHeight, depth: 32)
        let card = Raster(document.image)
        pixRasterop(source.pix, 0, 0, Int32(docWidth), Int32(docHeight), PIX_SRC, card.pix, 0, 0)

        let maskCanvas = try CairoCanvas(width: frameWidth, height: frameHeight)
        maskCanvas.roundedRectangle(
            0.5, 0.5, Double(docWidth) - 1, Double(docHeight) - 1,
            radius: document.cornerRadius)
        maskCanvas.fill(CanvasColor.white)
        let maskSource = try maskCanvas.grayRaster()

        let sourcePoints = [
            Point(x: 0, y: 0), Point(x: Double(docWidth), y: 0), Point(x: Double(docWidth), y: Double(docHeight)),
            Point(x: 0, y: Double(docHeight)),
        ]
        let warped = try crop(try project(source, from: sourcePoints, to: layout.quad.corners), width, height)
        let mask = try crop(try project(maskSource, from: sourcePoints, to: layout.quad.corners), width, height)

        // A soft contact shadow, offset away from an imagined light.
        let blurRadius = Int32(max(4, Double(min(width, height)) * 0.012))
        guard let softened = Raster(owning: pixBlockconv(mask.pix, blurRadius, blurRadius)),
            let shadow = Raster(
                owning: pixTranslate(
                    nil, softened.pix, Int32(rng.int(4...14)),
                    Int32(rng.int(4...14)), Int32(L_BRING_IN_BLACK)))
        else { throw SynthError(.imageOperationFailed, "shadow") }
        pixMultConstantGray(shadow.pix, Float(rng.uniform(0.35...0.6)))
        let black = try blank(width, height, depth: 32)
        guard let shaded = Raster(owning: pixBlendWithGrayMask(background.pix, black.pix, shadow.pix, 0, 0)),
            let photo = Raster(owning: pixBlendWithGrayMask(shaded.pix, warped.pix, mask.pix, 0, 0))
        else { throw SynthError(.imageOperationFailed, "pixBlendWithGrayMask") }
        return photo
    }

    static func blank(_ width: Int, _ height: Int, depth: Int32) throws(SynthError) -> Raster {
        guard let raster = Raster(owning: pixCreate(Int32(width), Int32(height), depth)) else {
            throw SynthError(.imageOperationFailed, "pixCreate \(width)×\(height)")
        }
        return raster
    }

    private static func project(
        _ raster: Raster, from source: [Point],
        to destination: [Point]
    ) throws(SynthError) -> Raster {
        let ptas = ptaCreate(4), ptad = ptaCreate(4)
        defer {
            var s = ptas, d = ptad
            ptaDestroy(&s)
            ptaDestroy(&d)
        }
        for (s, d) in zip(source, destination) {
            ptaAddPt(ptas, Float(s.x), Float(s.y))
            ptaAddPt(ptad, Float(d.x), Float(d.y))
        }
        guard let warped = Raster(owning: pixProjectivePta(raster.pix, ptad, ptas, Int32(L_BRING_IN_BLACK))) else {
            throw SynthError(.imageOperationFailed, "pixProjectivePta")
        }
        return warped
    }

    private static func crop(_ raster: Raster, _ width: Int, _ height: Int) throws(SynthError) -> Raster {
        if raster.width == width, raster.height == height { return raster }
        guard let cropped = raster.cropped(to: PixelRect(x: 0, y: 0, width: width, height: height)) else {
            throw SynthError(.imageOperationFailed, "pixClipRectangle")
        }
        return cropped
    }
}

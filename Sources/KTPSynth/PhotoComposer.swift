import CTesseract
import Foundation
import KTPVision

/// Lays a drawn document into a photo: a scan or camera frame, rotation, a quarter or half turn,
/// keystone from a tilted card, a soft shadow, composited onto a background with a warped,
/// antialiased mask.
public enum PhotoComposer {
    /// The share of the frame a KTP covers, measured by its quad's area, over every kind of capture.
    public static let cardCoverage = 0.3...0.95

    /// Phone frame sizes, for documents that are not drawn at a KTP's size.
    public static var photoSizes: [(Int, Int)] { CaptureKind.phone.frameSizes }

    /// Chooses the frame, pose and scale of a `baseWidth`×`baseHeight` document in a photo.
    /// `capture` and `turn` (0, 90, 180 or 270 degrees clockwise) are drawn when not given.
    /// Coverage is drawn from `coverage` (else the capture's range), capped by what fits inside
    /// the frame at this pose, but never below its lower bound when the document's shape allows it.
    /// A scan's frame is the document's bounding box and a small margin.
    public static func plan(
        baseWidth: Int, baseHeight: Int, coverage: ClosedRange<Double>? = nil, capture: CaptureKind? = nil,
        turn: Int? = nil, using rng: inout SeededGenerator
    ) -> PhotoLayout {
        let capture = capture ?? rng.weighted(CaptureKind.weights)
        let turn: Int = turn ?? rng.weighted([(0, 0.88), (90, 0.04), (180, 0.04), (270, 0.04)])
        let scanned = capture == .scan
        let degrees = scanned ? rng.uniform(-2.0...2.0) : rng.uniform(rng.chance(0.7) ? -5.0...5.0 : -15.0...15.0)
        let keystone: ClosedRange<Double> =
            scanned ? 0...0 : rng.weighted([(0...5.0, 0.6), (5...12.0, 0.3), (12...20.0, 0.1)])
        let base = pose(
            width: Double(baseWidth), height: Double(baseHeight), keystone: rng.uniform(keystone),
            direction: rng.uniform(0...(2 * Double.pi)), rotation: (degrees + Double(turn)) * Double.pi / 180)
        let (bw, bh) = (base.maxX - base.minX, base.maxY - base.minY)

        let width: Int, height: Int, scale: Double
        if scanned {
            let margin = rng.uniform(0.015...0.06)
            let longSide = rng.uniform(600...1100)
            scale = longSide / (max(bw, bh) * (1 + 2 * margin))
            let padded = (1 + 2 * margin) * scale
            (width, height) = (Int((bw * padded).rounded()), Int((bh * padded).rounded()))
        } else {
            let size = rng.pick(capture.frameSizes)
            (width, height) = turn % 180 == 0 ? size : (size.1, size.0)
            let frame = Double(width * height)
            let margin = 0.015 * Double(min(width, height))
            let fit = min((Double(width) - 2 * margin) / bw, (Double(height) - 2 * margin) / bh)
            let range = coverage ?? capture.coverage
            let upper = min(range.upperBound, fit * fit * base.area / frame)
            let lower = min(range.lowerBound, upper)
            // At the fitting limit the slack is zero, and rounding may make it a hair negative.
            scale = min((rng.uniform(lower...upper) * frame / base.area).squareRoot(), fit)
        }
        let placed = base.scaled(by: scale)
        let margin = scanned ? 0 : 0.015 * Double(min(width, height))
        let slackX = max(0, Double(width) - 2 * margin - (placed.maxX - placed.minX))
        let slackY = max(0, Double(height) - 2 * margin - (placed.maxY - placed.minY))
        let dx = margin - placed.minX + rng.uniform(0...slackX)
        let dy = margin - placed.minY + rng.uniform(0...slackY)
        return PhotoLayout(
            width: width, height: height, quad: placed.offset(dx: dx, dy: dy), scale: scale, capture: capture,
            turn: turn)
    }

    /// The document's corners, centred on the origin at base scale, after tilting the card by
    /// `keystone` degrees about an axis in its plane at `direction`, a pinhole camera's projection,
    /// and a turn by `rotation` radians in the image plane.
    static func pose(
        width w: Double, height h: Double, keystone: Double, direction: Double, rotation: Double
    ) -> Quad {
        let tilt = keystone * Double.pi / 180
        let (ax, ay) = (cos(direction), sin(direction))
        // About 1.3 widths from the card, as a phone's normal lens is when the card fills the frame.
        let distance = 1.3 * max(w, h)
        let corners = [(-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2)].map { x, y -> Point in
            // Rodrigues' rotation about the in-plane axis (ax, ay, 0).
            let along = x * ax + y * ay
            let (px, py) = (x - along * ax, y - along * ay)
            let (rx, ry) = (along * ax + px * cos(tilt), along * ay + py * cos(tilt))
            let rz = (ax * py - ay * px) * sin(tilt)
            let depth = distance / (distance + rz)
            let (sx, sy) = (rx * depth, ry * depth)
            return Point(x: sx * cos(rotation) - sy * sin(rotation), y: sx * sin(rotation) + sy * cos(rotation))
        }
        return Quad(topLeft: corners[0], topRight: corners[1], bottomRight: corners[2], bottomLeft: corners[3])
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

import Foundation
import KTPContract
import KTPVision

/// Makes photo `i` of a data set from `(seed, i)` alone, so photos can be made in any order or
/// in parallel and still come out byte-identical.
public struct PhotoFactory: Sendable {
    public let regions: RegionTable
    public let configuration: DatasetConfiguration

    public init(regions: RegionTable, configuration: DatasetConfiguration) {
        self.regions = regions
        self.configuration = configuration
    }

    /// Photo `index` (0-based), encoded, with its truth.
    public func photo(at index: Int) throws(SynthError) -> GeneratedPhoto {
        var rng = SeededGenerator(seed: configuration.seed, stream: UInt64(index))
        let number = CalendarDate.fourDigits(index + 1)
        if configuration.isNegative(index) {
            let kinds = NegativeKind.allCases
            let kind = kinds[configuration.negativesBefore(index) % kinds.count]
            let condition = rng.pick(configuration.conditions)
            return try negative(kind, condition: condition, name: "\(number)-negative-\(kind.rawValue)", using: &rng)
        }
        let ktpIndex = index - configuration.negativesBefore(index)
        let condition = configuration.conditions[ktpIndex % configuration.conditions.count]
        return try ktp(condition: condition, name: "\(number)-ktp-\(condition.code)", using: &rng)
    }

    private func ktp(
        condition: PhotoCondition, name: String,
        using rng: inout SeededGenerator
    ) throws(SynthError) -> GeneratedPhoto {
        let style = CardStyle.random(from: configuration.pools, using: &rng)
        let identity = try SyntheticIdentity.random(regions: regions, using: &rng)
        let layout = PhotoComposer.plan(
            baseWidth: CardRenderer.baseWidth, baseHeight: CardRenderer.baseHeight,
            using: &rng)
        var card = try CardRenderer.render(identity, style: style, scale: layout.scale, using: &rng)
        var washedOut: [FieldKey] = []
        if condition.quality.flashlight {
            let glare = GlareSpot.random(on: card, using: &rng)
            glare.apply(to: &card.image)
            washedOut = glare.washedOut(lines: card.lineBoxes, scale: card.scale)
        }
        // A scanner's lid behind a scan; a table, cloth or paper behind a photo.
        let surface = layout.capture == .scan ? BackgroundKind.plainTable : rng.pick(BackgroundKind.allCases)
        let background = try BackgroundPainter.paint(surface, width: layout.width, height: layout.height, using: &rng)
        let photo = try PhotoComposer.compose(card, onto: background, layout: layout, using: &rng)
        var truth = GroundTruth(
            file: "", isKTP: true, fields: identity.fields, imageQuality: condition.quality,
            condition: condition.code, washedOut: washedOut, width: layout.width, height: layout.height,
            quad: Self.rounded(layout.quad), coverage: Self.rounded(layout.coverage, places: 4)
        )
        truth.font = style.valueFace
        truth.nikFont = style.nikInOCRA ? "ocr-a" : style.valueFace.rawValue
        truth.layout = style.layout
        truth.capture = layout.capture
        truth.turn = layout.turn
        truth.printedVariants = card.printedVariants
        // A scanner blurs less than a hand-held phone: a 600 px scan with a phone's blur is unreadable.
        let blurWidth = Double(card.image.width) * (layout.capture == .scan ? 0.6 : 1)
        return try finish(
            photo, condition: condition, documentWidth: blurWidth, name: name, truth: truth, using: &rng)
    }

    private func negative(
        _ kind: NegativeKind, condition: PhotoCondition, name: String,
        using rng: inout SeededGenerator
    ) throws(SynthError) -> GeneratedPhoto {
        var photo: Raster
        var quad: [[Double]]?
        var coverage = 1.0
        var documentWidth: Double
        var capture = CaptureKind.phone
        let (width, height): (Int, Int)
        if kind.fillsFrame {
            (width, height) = rng.pick(PhotoComposer.photoSizes)
            photo = try NegativeRenderer.renderScene(width: width, height: height, using: &rng).raster()
            documentWidth = Double(width)
        } else {
            let size = kind.baseSize
            let layout = PhotoComposer.plan(
                baseWidth: size.width, baseHeight: size.height,
                coverage: kind.isCard ? nil : 0.3...0.9, capture: kind.isCard ? nil : .phone,
                using: &rng)
            var document = try NegativeRenderer.render(kind, scale: layout.scale, using: &rng)
            if condition.quality.flashlight {
                GlareSpot.random(on: document, using: &rng).apply(to: &document.image)
            }
            let background = try BackgroundPainter.paint(
                rng.pick(BackgroundKind.allCases), width: layout.width,
                height: layout.height, using: &rng)
            photo = try PhotoComposer.compose(document, onto: background, layout: layout, using: &rng)
            (width, height) = (layout.width, layout.height)
            capture = layout.capture
            quad = Self.rounded(layout.quad)
            coverage = Self.rounded(layout.coverage, places: 4)
            documentWidth = Double(document.image.width)
        }
        if condition.quality.flashlight, kind.fillsFrame {
            photo = try flashOnScene(photo, using: &rng)
        }
        var truth = GroundTruth(
            file: "", isKTP: false, fields: nil, imageQuality: condition.quality,
            condition: "negative:\(kind.rawValue)",
            washedOut: [], width: width, height: height, quad: quad, coverage: coverage
        )
        truth.capture = capture
        return try finish(
            photo, condition: condition, documentWidth: documentWidth, name: name, truth: truth,
            using: &rng)
    }

    /// A whole-frame photo has no card to draw glare on, so the glare goes on the frame.
    private func flashOnScene(_ photo: Raster, using rng: inout SeededGenerator) throws(SynthError) -> Raster {
        var image = photo.rgb()
        let frame = RenderedCard(image: image, fieldBoxes: [:], scale: 1, cornerRadius: 0)
        GlareSpot.random(on: frame, using: &rng).apply(to: &image)
        return Raster(image)
    }

    /// Degrades and encodes: JPEG at quality 50–95, sometimes PNG when it stays under 5 MiB.
    private func finish(
        _ photo: Raster, condition: PhotoCondition, documentWidth: Double, name: String,
        truth: GroundTruth, using rng: inout SeededGenerator
    ) throws(SynthError) -> GeneratedPhoto {
        let degradation = Degradation.random(
            for: condition, documentWidth: documentWidth, blurKinds: configuration.pools.blurKinds,
            frameWidth: photo.width, frameHeight: photo.height, using: &rng)
        let degraded = try degradation.apply(to: photo, using: &rng)
        let rawBytes = degraded.width * degraded.height * (degraded.depth == 8 ? 1 : 3)
        let png = rng.chance(0.1) && rawBytes < 4_800_000
        let quality = rng.int(50...95)
        let bytes: [UInt8]
        do {
            bytes = png ? try degraded.pngData() : try degraded.jpegData(quality: quality)
        } catch {
            throw SynthError(.encodingFailed, "\(error)")
        }
        var truth = truth
        truth.blurKind = degradation.blur?.kind
        truth.file = name + (png ? ".png" : ".jpg")
        return GeneratedPhoto(fileName: truth.file, bytes: bytes, truth: truth)
    }

    static func rounded(_ quad: Quad) -> [[Double]] {
        quad.corners.map { [rounded($0.x, places: 2), rounded($0.y, places: 2)] }
    }

    static func rounded(_ value: Double, places: Int) -> Double {
        let factor = pow(10, Double(places))
        return (value * factor).rounded() / factor
    }
}

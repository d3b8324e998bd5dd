import CTesseract
import Foundation
import KTPContract

/// The engine for one worker thread: decode, quality, locate and rectify, read, detect, parse.
///
/// Not `Sendable`: it owns inference requests or Tesseract handles. Use ``ExtractorPool`` to share work across
/// threads.
public final class KTPExtractor {
    /// The small copy the locator and colour measure work on.
    static let analysisWidth = 480
    /// Below this detection probability the page is not worth a second pass per field.
    static let rereadProbability = 0.1
    /// A KTP read less surely than this is read once more, over the whole photo (and, with Tesseract, in the
    /// other preparation), whose fields may come out better.
    static let convincingProbability = 0.95
    /// Where the general pass saw a label but no value, a line read below this is noise, not print.
    static let unseenValueConfidence = 0.5
    /// Where the general pass saw nothing, a faint line is still worth reading for a closed
    /// vocabulary of a few words: a reading close to one snaps to it, and anything else keeps a
    /// confidence near zero.
    static func unseenValueFloor(_ slot: RawSlot) -> Double {
        switch slot {
        case .religion, .maritalStatus, .nationality: 0
        default: unseenValueConfidence
        }
    }
    /// Text leaning more than this (1.5°) after deskewing is levelled and read again.
    static let rereadSkew = 1.5 * Double.pi / 180
    /// How many times tilted text is levelled and measured again.
    static let levellingRounds = 2
    /// Text steeper than this (30°) stands on its side: a quarter turn (``quarterTurns(of:)``) reads it, where
    /// levelling would turn the card out of its frame.
    static let steepestLevelling = Double.pi / 6

    /// What finds and reads the card's lines.
    private enum Recognizer {
        /// PP-OCR's detector and recogniser, in one pass over the card.
        case ppocr(PPOCREngine)
        /// Tesseract's sparse pass, then each value, the NIK's digits and the RT/RW again, line by line.
        case tesseract(general: TesseractEngine, digits: TesseractEngine)
    }

    private let recognizer: Recognizer
    private let normalizer: FieldNormalizer
    private let thresholds: QualityThresholds
    private let detection: DetectionModel
    /// Receives each intermediate image by name (`card`, `ocr`, `sign`), and the words each pass read, for looking at
    /// what the engine saw.
    public var inspector: ((Inspection) -> Void)?

    /// What the engine saw at one step.
    public enum Inspection {
        case image(name: String, Raster)
        /// The words of the image last given as `ocr`, in its pixels.
        case words([OCRWord])
    }

    public init(configuration: ExtractorConfiguration = ExtractorConfiguration()) throws(OCRError) {
        if let models = configuration.models {
            recognizer = .ppocr(try PPOCREngine(models: models))
        } else {
            recognizer = .tesseract(
                general: try TesseractEngine(languages: configuration.languages),
                digits: try TesseractEngine(languages: configuration.digitLanguages))
        }
        normalizer = FieldNormalizer(regions: configuration.regions)
        thresholds = configuration.thresholds
        detection = configuration.detection
    }

    /// Runs every stage on the bytes of a JPEG or PNG photo.
    public func extract(_ bytes: [UInt8]) throws(ImageError) -> Extraction {
        var timings = StageTimings()
        var clock = ContinuousClock.now
        func lap(_ stage: WritableKeyPath<StageTimings, Double>) {
            let now = ContinuousClock.now
            let elapsed = (now - clock).components
            timings[keyPath: stage] += Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
            clock = now
        }

        let photo = try ImageDecoder.decode(bytes)
        lap(\.decode)

        let (small, smallRGB, quad, card) = locate(in: photo)
        lap(\.locate)

        let scores = QualityAnalyzer.measure(
            card: card.rgb(), photo: smallRGB, enlargement: Self.enlargement(of: quad, in: photo))
        let quality = thresholds.flags(for: scores)
        lap(\.quality)

        var reading = read(photo, card: card, located: quad != nil, quality: quality)
        if !isKTP(reading), case .ppocr(let lines) = recognizer {
            // A photo taken sideways or upside down: its lines are read again the way they stand.
            for turns in Self.quarterTurns(of: (try? lines.detect(small)) ?? []) {
                guard let turned = Raster(owning: pixRotateOrth(photo.pix, Int32(turns))) else { continue }
                let located = locate(in: turned)
                reading = detection.preferred(
                    reading, read(turned, card: located.card, located: located.quad != nil, quality: quality))
                if isKTP(reading) { break }
            }
        }
        lap(\.ocr)

        let evidence = reading.evidence
        guard isKTP(reading) else {
            return Extraction(
                outcome: .notDetected, evidence: evidence, quality: quality, scores: scores, quad: quad,
                timings: timings)
        }
        let normalized = normalizer.normalize(reading.raw)
        lap(\.parse)
        return Extraction(
            outcome: .ktp(normalized), evidence: evidence, quality: quality, scores: scores, quad: quad,
            timings: timings)
    }

    /// The small copy the locator works on, the card's corners in `photo` when it found them, and the card: warped
    /// upright, or else the whole photo.
    private func locate(in photo: Raster) -> (small: Raster, smallRGB: RGBImage, quad: Quad?, card: Raster) {
        let scale = Double(Self.analysisWidth) / Double(photo.width)
        let small = Raster(owning: pixScaleToSize(photo.pix, Int32(Self.analysisWidth), 0)) ?? photo
        let smallRGB = small.rgb()
        let quad = CardLocator.locate(in: smallRGB).map { $0.scaled(by: 1 / scale) }
        let card = quad.flatMap { CardRectifier.rectify(photo, quad: $0) } ?? wholePhoto(photo)
        return (small, smallRGB, quad, card)
    }

    /// The card read in the preparation its quality suggests; then, when that did not convince, in the other one
    /// (Tesseract only) and over the whole photo.
    private func read(_ photo: Raster, card: Raster, located: Bool, quality: ImageQuality) -> CardReading {
        let (usual, other): (OCRPreprocessor.Mode, OCRPreprocessor.Mode) =
            quality.blur && usesTesseract ? (.sharpened, .plain) : (.plain, .sharpened)
        var reading = read(card, mode: usual, glare: quality.flashlight)
        // PP-OCR reads soft print as it is: steepened strokes and enlargement cost it lines, and time.
        if usesTesseract, !isConvincing(reading) {
            // A soft card the blur flag missed, a sharp one it wrongly flagged, or a card that
            // one preparation read too poorly to trust its fields.
            reading = detection.preferred(reading, read(card, mode: other, glare: quality.flashlight))
        }
        if !isConvincing(reading), located {
            // The locator may have framed the wrong thing, or cut off the labels; the whole photo
            // gets one more look.
            reading = detection.preferred(reading, read(wholePhoto(photo), mode: usual, glare: quality.flashlight))
        }
        return reading
    }

    private var usesTesseract: Bool {
        if case .tesseract = recognizer { true } else { false }
    }

    private func isKTP(_ reading: CardReading) -> Bool { detection.accepts(reading.evidence) }

    private func isConvincing(_ reading: CardReading) -> Bool {
        detection.probability(reading.evidence) >= Self.convincingProbability
    }

    /// The quarter turns (clockwise, for `pixRotateOrth`) worth trying on a photo whose text was not read as a
    /// card, from the shape of the text boxes the detector found: lines taller than wide stand on their side, so
    /// one or three turns; lines lying flat may be upside down, so two.
    static func quarterTurns(of found: [DetectedText]) -> [Int] {
        let boxes = found.map(\.box).filter { max($0.width, $0.height) >= 2 * min($0.width, $0.height) }
        guard !boxes.isEmpty else { return [] }
        let standing = boxes.filter { $0.height > $0.width }.count
        return 2 * standing > boxes.count ? [1, 3] : [2]
    }

    /// The angle to turn a page by to level its text: none when it leans too little to matter, or so much that it
    /// stands on its side.
    static func levelling(_ skew: Double?) -> Double? {
        guard let skew, abs(skew) >= rereadSkew, abs(skew) <= steepestLevelling else { return nil }
        return skew
    }

    /// The general pass over the card; with Tesseract, then each value, the NIK's digits and the RT/RW again.
    func read(_ card: Raster, mode: OCRPreprocessor.Mode, glare: Bool) -> CardReading {
        let unrotated = OCRPreprocessor.prepare(card, mode: mode)
        // The rectified card can still lean a degree or two, which splits label from value rows.
        let straightened = Deskew.straighten(unrotated) ?? unrotated
        var prepared = straightened
        // A sharp card thresholds cleanly with Otsu; soft gray strokes need a local threshold.
        let thresholding: TesseractEngine.Thresholding = mode == .sharpened ? .sauvola : .otsu
        // Text still tilted after deskewing (a whole photo whose ruled paper misled the skew search)
        // puts labels and values on different rows; level it by the text itself. A steep tilt breaks
        // words into pieces that understate it, so the levelled text is measured once more. The tilted
        // page is read only when the levelled one is not recognised as a KTP.
        var survey = self.survey(prepared, thresholding: thresholding)
        var tilted: (raster: Raster, survey: Survey)?
        var tilt = 0.0
        for _ in 0..<Self.levellingRounds {
            guard let skew = Self.levelling(survey.skew) else { break }
            tilt += skew
            let rotated = pixRotate(
                straightened.pix, Float(-tilt), Int32(L_ROTATE_AREA_MAP), Int32(L_BRING_IN_WHITE), 0, 0)
            guard let level = Raster(owning: rotated) else { break }
            tilted = tilted ?? (prepared, survey)
            (prepared, survey) = (level, self.survey(level, thresholding: thresholding))
        }
        var page = survey.read()
        var reading = CardLayout.read(page.words, width: prepared.width, height: prepared.height)
        if !isKTP(reading), let tilted {
            let tiltedPage = tilted.survey.read()
            let tiltedReading = CardLayout.read(
                tiltedPage.words, width: tilted.raster.width, height: tilted.raster.height)
            if isKTP(tiltedReading) { (prepared, page, reading) = (tilted.raster, tiltedPage, tiltedReading) }
        }
        inspector?(.image(name: "card", card))
        inspector?(.image(name: "ocr", prepared))
        inspector?(.words(page.words))
        // PP-OCR's reading stands as it is: reading its value boxes again, and the NIK's and RT/RW's digits with
        // Tesseract, gained nothing on sets they were not developed on (`docs/benchmarks.md`).
        guard case .tesseract(let general, let digitsOCR) = recognizer,
            detection.probability(reading.evidence) >= Self.rereadProbability
        else { return reading }
        let regions = reading.valueBoxes.mapValues { $0.clamped(width: prepared.width, height: prepared.height) }
        let values = valueLines(prepared, regions: regions.filter { $0.key != .nik }, ocr: general)
        for (slot, region) in regions {
            if slot == .nik {
                let digits = readNIKDigits(
                    in: prepared, region: region, glare: glare, general: reading.raw[.nik], ocr: digitsOCR)
                reading.raw[.nikDigits] = digits.first
                reading.raw[.nikTieBreak] = digits.tieBreak
                continue
            }
            let line = values[slot] ?? OCRLine(words: [])
            if slot == .genderAndBlood, let sign = bloodSign(in: prepared, words: line.words) {
                reading.raw[.bloodSign] = RawValue(text: String(sign), confidence: 1)
            }
            let floor = reading.raw[slot].map { $0.confidence - 0.1 } ?? Self.unseenValueFloor(slot)
            guard !line.words.isEmpty, line.confidence >= floor else { continue }
            let text =
                CardLabel.allCases.first { $0.slot == slot }
                .map { CardLayout.strippingLabelRemnant(line.text, label: $0) } ?? line.text
            reading.raw[slot] = RawValue(text: text, confidence: line.confidence)
        }
        if let box = reading.valueBoxes[.rtRw], !RTRWReader.readsSlash(reading.raw[.rtRw]) {
            // Blur turns `008/005` into letters (`OB`, `NG DI`) for the general model; its alphabet
            // here is what the field can hold. A general reading with its slash read is kept anyway.
            let region = box.clamped(width: prepared.width, height: prepared.height)
            let lines = digitsOCR.recognize(prepared, region: region, segmentation: .line, whitelist: "0123456789/")
            let line = OCRLine(words: lines.flatMap(\.words))
            if !line.words.isEmpty { reading.raw[.rtRwDigits] = RawValue(text: line.text, confidence: line.confidence) }
        }
        return reading
    }

    /// A page whose skew is known and whose lines are read on demand: PP-OCR's detector alone measures the skew,
    /// so a tilted page's lines need not be read before it is levelled.
    private struct Survey {
        var skew: Double?
        var read: () -> OCRPage
    }

    /// Every line of the card: PP-OCR's, or Tesseract's sparse pass.
    private func survey(_ raster: Raster, thresholding: TesseractEngine.Thresholding) -> Survey {
        switch recognizer {
        case .ppocr(let lines):
            // An inference failure is OpenVINO's, not the photo's: the card reads as empty, and is not a KTP.
            let found = (try? lines.detect(raster)) ?? []
            return Survey(skew: TextSkew.angle(of: found)) {
                (try? lines.read(raster, found: found)) ?? OCRPage(lines: [], skew: nil)
            }
        case .tesseract(let general, _):
            let lines = general.recognize(raster, segmentation: .sparse, thresholding: thresholding)
            let page = OCRPage(lines: lines, skew: TextSkew.angle(of: lines.flatMap(\.words)))
            return Survey(skew: page.skew) { page }
        }
    }

    /// Each value's box read again as a single line, its colons dropped: one line at a time, Tesseract keeps
    /// small marks (a `-` blood type) and first words that sparse segmentation drops.
    private func valueLines(
        _ raster: Raster, regions: [RawSlot: PixelRect], ocr: TesseractEngine
    ) -> [RawSlot: OCRLine] {
        regions.mapValues { region in
            let words = ocr.recognize(raster, region: region, segmentation: .line).flatMap(\.words)
            return OCRLine(words: words.filter { $0.text != ":" })
        }
    }

    /// The NIK read digits-only. Where glare faded the print, each pixel is first stretched between the
    /// extremes around it: the view that keeps the faint half of an `8` that a global threshold
    /// reads as a `3`. Elsewhere that view is the second try, when the first misses digits. When the
    /// first digits-only reading and the general pass read sixteen digits that differ, the other
    /// view reads them a third time, to break the tie: nothing on the card checks the serial.
    private func readNIKDigits(
        in prepared: Raster, region: PixelRect, glare: Bool, general: RawValue?, ocr: TesseractEngine
    ) -> (first: RawValue?, tieBreak: RawValue?) {
        func digits(_ raster: Raster, region: PixelRect?) -> RawValue? {
            // The colon stays in the whitelist so that it is not read as a `1`.
            let lines = ocr.recognize(raster, region: region, segmentation: .line, whitelist: "0123456789:")
            guard let line = lines.first else { return nil }
            return RawValue(text: lines.map(\.text).joined().filter(\.isASCIIDigit), confidence: line.confidence)
        }
        func stretched() -> RawValue? {
            guard let crop = prepared.cropped(to: region),
                let stretched = OCRPreprocessor.stretchLocally(
                    crop, window: region.height, minimumRange: OCRPreprocessor.fadedPrintRange)
            else { return nil }
            return digits(stretched, region: nil)
        }
        func complete(_ reading: RawValue?) -> Bool { (16...17).contains(reading?.text.count ?? 0) }
        // `other` is the other view's reading, taken only when a tie is to be broken.
        func withTieBreak(_ first: RawValue?, other: () -> RawValue?) -> (first: RawValue?, tieBreak: RawValue?) {
            guard let first, first.text.count == 16,
                let generalDigits = general.flatMap({ NIKCandidate.generalPassDigits($0.text) }),
                generalDigits.count == 16, generalDigits != first.text
            else { return (first, nil) }
            return (first, other())
        }
        let printed = { digits(prepared, region: region) }
        let (preferred, fallback) = glare ? (stretched, printed) : (printed, stretched)
        let firstTry = preferred()
        guard !complete(firstTry) else { return withTieBreak(firstTry, other: fallback) }
        let secondTry = fallback()
        // Under glare the stretched view must be complete to be trusted over the print.
        let (chosen, other) = glare || complete(secondTry) ? (secondTry, firstTry) : (firstTry, secondTry)
        return withTieBreak(chosen) { other }
    }

    /// The rhesus sign right of the `Gol. Darah` label, told by its printed shape (``SignGlyph``). The
    /// crop starts a row's height inside the label, to take in a letter of it, and spans nine more,
    /// enough for `Darah : AB+` when only `Gol.` was read, up to the photo column; it is two rows
    /// high, so that blur cannot push the sign out.
    private func bloodSign(in prepared: Raster, words: [OCRWord]) -> Character? {
        guard let label = words.last(where: { CardLineSplitter.isBloodLabel(FuzzyMatcher.key($0.text)) }) else {
            return nil
        }
        let row = label.box.height
        let x = label.box.maxX - row
        let width = min(10 * row, Int(Double(prepared.width) * CardLayout.photoColumn) - x)
        guard width >= 2 * row else { return nil }
        let region = PixelRect(x: x, y: label.box.midY - row, width: width, height: 2 * row)
        guard let crop = prepared.cropped(to: region.clamped(width: prepared.width, height: prepared.height)) else {
            return nil
        }
        inspector?(.image(name: "sign", crop))
        return SignGlyph.sign(in: crop.gray(), rowHeight: row)
    }

    /// How many times the card's longer side was scaled to the canonical card width: the quad's, or the whole
    /// photo's when no card was found.
    static func enlargement(of quad: Quad?, in photo: Raster) -> Double {
        let side = quad.map { max($0.width, $0.height) } ?? Double(max(photo.width, photo.height))
        return Double(CardRectifier.canonicalWidth) / side
    }

    /// The photo itself, scaled so its longer side matches the canonical card width, and
    /// deskewed: without a quad nothing else has undone the card's rotation.
    private func wholePhoto(_ photo: Raster) -> Raster {
        let factor = Float(Self.enlargement(of: nil, in: photo))
        let scaled = Raster(owning: pixScale(photo.pix, factor, factor)) ?? photo
        return Deskew.straighten(scaled) ?? scaled
    }
}

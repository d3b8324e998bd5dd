import Foundation

/// One worker's PP-OCR reader: the shared compiled models, and this worker's own inference requests.
///
/// Not `Sendable`, like ``TesseractEngine``: its requests must stay on the thread that uses them. Make one per
/// worker from one ``PPOCRModels``.
public final class PPOCREngine {
    /// The recogniser's input height, fixed by the model.
    public static let lineHeight = 48
    /// A crop wider than this (after scaling to 48 high) is squeezed: no card line comes close.
    static let maximumLineWidth = 3200

    public let models: PPOCRModels
    private let detection: OpenVINORequest
    private let recognition: OpenVINORequest
    private let postprocessor: DBPostprocessor

    public init(models: PPOCRModels) throws(OCRError) {
        self.models = models
        detection = try models.detector.makeRequest()
        recognition = try models.recognizer.makeRequest()
        let configuration = models.configuration
        postprocessor = DBPostprocessor(
            pixelThreshold: configuration.pixelThreshold, boxThreshold: configuration.boxThreshold,
            unclipRatio: configuration.unclipRatio)
    }

    /// Finds the text lines of `raster` (or of the part inside `region`) and reads them, in reading order,
    /// dropping lines read with less than the configured confidence. Each detected box is one ``OCRLine``: a
    /// label and its value far apart on one row may come back as two. Words span their line's core vertically
    /// (``DetectedText/core``), so that rows of words are as far apart as the printed rows. The page's skew is the
    /// detected lines' (``TextSkew``).
    public func read(_ raster: Raster, region: PixelRect? = nil) throws(OCRError) -> OCRPage {
        try read(raster, found: try detect(raster, region: region))
    }

    /// Reads the lines ``detect(_:region:)`` found in `raster`.
    public func read(_ raster: Raster, found: [DetectedText]) throws(OCRError) -> OCRPage {
        let minimum = models.configuration.minimumLineConfidence
        let lines = try zip(found, recognize(raster, boxes: found.map(\.box)))
            .filter { !$1.line.words.isEmpty && $1.confidence >= minimum }
            .map { text, read in
                OCRLine(
                    words: read.line.words.map { word in
                        var word = word
                        word.box.y = text.core.y
                        word.box.height = text.core.height
                        return word
                    })
            }
        return OCRPage(lines: lines, skew: TextSkew.angle(of: found))
    }

    /// The text boxes of `raster` (or of the part inside `region`), in image pixels and reading order.
    public func detect(_ raster: Raster, region: PixelRect? = nil) throws(OCRError) -> [DetectedText] {
        let area = (region ?? PixelRect(x: 0, y: 0, width: raster.width, height: raster.height))
            .clamped(width: raster.width, height: raster.height)
        let isWhole = area == PixelRect(x: 0, y: 0, width: raster.width, height: raster.height)
        guard let work = isWhole ? raster : raster.cropped(to: area) else { return [] }
        let (width, height) = Self.detectionSize(
            width: work.width, height: work.height, longSide: models.configuration.detectionLongSide)
        guard let scaled = work.scaled(toWidth: width, height: height) else { return [] }
        var tensor = [Float](repeating: 0, count: 3 * width * height)
        PPOCRTensor.write(scaled.rgb(), into: &tensor, offset: 0, width: width, height: height)
        let found = try detection.infer(tensor, shape: [1, 3, height, width]) { map, shape throws(OCRError) in
            guard shape.count == 4, shape[2] == height, shape[3] == width else {
                throw OCRError(.modelInvalid, "\(models.detector.name) returned a \(shape) map for \(width)×\(height)")
            }
            return postprocessor.boxes(
                in: map, width: width, height: height, imageWidth: work.width, imageHeight: work.height)
        }
        return found.map { text in
            var text = text
            text.box.x += area.x
            text.box.y += area.y
            return text
        }
    }

    /// The detector's input size: shrunk so the long side is at most `longSide`, never enlarged, each side
    /// rounded to a multiple of 32 (the network halves it five times).
    static func detectionSize(width: Int, height: Int, longSide: Int) -> (width: Int, height: Int) {
        let ratio = min(1, Double(longSide) / Double(max(width, height)))
        func round32(_ side: Int) -> Int { max(32, Int((Double(side) * ratio / 32).rounded()) * 32) }
        return (round32(width), round32(height))
    }

    /// Reads each of `boxes` as one line, in their order. Similar widths are recognised together, several to an
    /// inference.
    public func recognize(_ raster: Raster, boxes: [PixelRect]) throws(OCRError) -> [RecognizedLine] {
        let crops = boxes.map { box -> (box: PixelRect, image: RGBImage?) in
            let box = box.clamped(width: raster.width, height: raster.height)
            let width = min(
                Self.maximumLineWidth, Int((Double(Self.lineHeight * box.width) / Double(box.height)).rounded(.up)))
            let image = raster.cropped(to: box)?.scaled(toWidth: max(1, width), height: Self.lineHeight)?.rgb()
            return (box, image)
        }
        var results = crops.map {
            RecognizedLine(box: $0.box, decoding: CTCDecoding(symbols: [], steps: 0), line: OCRLine(words: []))
        }
        let order = crops.indices.filter { crops[$0].image != nil }.sorted {
            crops[$0].image!.width < crops[$1].image!.width
        }
        let batchSize = max(1, models.configuration.recognitionBatch)
        for start in stride(from: 0, to: order.count, by: batchSize) {
            let batch = Array(order[start..<min(start + batchSize, order.count)])
            let images = batch.map { crops[$0].image! }
            let widest = max(models.configuration.recognitionMinimumWidth, images.map(\.width).max() ?? 0)
            let width = (widest + 7) / 8 * 8
            let lines = try recognizeBatch(images, width: width)
            for (slot, index) in batch.enumerated() {
                let crop = crops[index]
                let image = images[slot]
                let decoding = lines.decodings[slot]
                // Output steps cover the padded width evenly; the crop was scaled by image.width / box.width.
                let pixelsPerStep = Double(width) / Double(lines.steps) * Double(crop.box.width) / Double(image.width)
                let words = decoding.words(in: crop.box, pixelsPerStep: pixelsPerStep)
                results[index] = RecognizedLine(box: crop.box, decoding: decoding, line: OCRLine(words: words))
            }
        }
        return results
    }

    private func recognizeBatch(
        _ images: [RGBImage], width: Int
    ) throws(OCRError) -> (decodings: [CTCDecoding], steps: Int) {
        let height = Self.lineHeight
        var tensor = [Float](repeating: 0, count: images.count * 3 * height * width)
        for (slot, image) in images.enumerated() {
            PPOCRTensor.write(image, into: &tensor, offset: slot * 3 * height * width, width: width, height: height)
        }
        let decoder = models.decoder
        let name = models.recognizer.name
        return try recognition.infer(tensor, shape: [images.count, 3, height, width]) {
            output, shape throws(OCRError) in
            guard shape.count == 3, shape[0] == images.count, shape[2] == decoder.classCount, shape[1] > 0 else {
                throw OCRError(.modelInvalid, "\(name) returned \(shape) for \(images.count) lines")
            }
            let steps = shape[1]
            let perLine = steps * decoder.classCount
            let decodings = (0..<images.count).map { slot in
                decoder.decode(
                    UnsafeBufferPointer(rebasing: output[(slot * perLine)..<((slot + 1) * perLine)]), steps: steps)
            }
            return (decodings, steps)
        }
    }
}

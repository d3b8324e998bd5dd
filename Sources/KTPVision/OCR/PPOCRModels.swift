import Foundation

/// The PP-OCR detector and recogniser compiled once for the process, with the recogniser's character list.
/// Every worker's ``PPOCREngine`` shares one instance.
public final class PPOCRModels: Sendable {
    public let configuration: PPOCRConfiguration
    public let detector: OpenVINOModel
    public let recognizer: OpenVINOModel
    /// What the recogniser's outputs mean: ``CTCDecoder/blank`` first, the model's list, then a space.
    public let decoder: CTCDecoder
    /// Seconds spent compiling both models.
    public let loadSeconds: Double

    /// Reads and compiles both models. A missing file is ``OCRError/Code/modelNotFound``; a damaged one, or a
    /// recogniser whose character list does not match its outputs, is ``OCRError/Code/modelInvalid``.
    public init(configuration: PPOCRConfiguration = PPOCRConfiguration()) throws(OCRError) {
        let start = ContinuousClock.now
        self.configuration = configuration
        let directory = try configuration.resolvedModelDirectory()
        let detectorURL = directory.appendingPathComponent(configuration.detectorFile)
        let recognizerURL = directory.appendingPathComponent(configuration.recognizerFile)
        for url in [detectorURL, recognizerURL] where !FileManager.default.isReadableFile(atPath: url.path) {
            throw OCRError(.modelNotFound, url.path)
        }
        // Both files are walked before OpenVINO sees them: a damaged file is named plainly, rather than after
        // every frontend (TensorFlow's, Paddle's) OpenVINO tries on bytes that are not ONNX, and a compile cache
        // of an earlier good copy cannot hide it.
        _ = try ONNXMetadata.properties(ofModelAt: detectorURL)
        let characters = try Self.characters(ofRecognizerAt: recognizerURL)
        let core = try OpenVINOCore()
        let options = configuration.resolvedOptions(modelDirectory: directory)
        detector = try core.compile(detectorURL, options: options)
        recognizer = try core.compile(recognizerURL, options: options)
        decoder = CTCDecoder(characters: characters)
        if let classes = recognizer.outputDimensions.last ?? nil, classes != decoder.classCount {
            throw OCRError(
                .modelInvalid,
                "\(recognizerURL.lastPathComponent) has \(classes) outputs for \(decoder.classCount) characters")
        }
        loadSeconds = Self.seconds(ContinuousClock.now - start)
    }

    /// The recogniser's own list, from its ONNX metadata: one character a line.
    static func characters(ofRecognizerAt url: URL) throws(OCRError) -> [String] {
        guard let list = try ONNXMetadata.properties(ofModelAt: url)["character"], !list.isEmpty else {
            throw OCRError(.modelInvalid, "\(url.lastPathComponent) has no 'character' metadata")
        }
        return list.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

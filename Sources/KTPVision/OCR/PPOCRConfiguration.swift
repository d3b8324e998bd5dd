import Foundation

/// Where the PP-OCR models are and how they run.
public struct PPOCRConfiguration: Sendable {
    /// The folder with the detector and recogniser files; `nil` asks ``defaultModelDirectory()``.
    public var modelDirectory: URL?
    public var detectorFile = "PP-OCRv6_det_small.onnx"
    public var recognizerFile = "PP-OCRv6_rec_small.onnx"
    /// Threads, streams and compile cache for both models.
    public var options: OpenVINOOptions
    /// With no cache folder in ``options``, compiled models are kept in `openvino-cache` beside the model folder
    /// when that is writable: loading both models then takes about 0.15 s instead of 0.6 s (0.8 s the first time).
    public var cachesBesideModels = true
    /// The detector's input is scaled down so that its long side is at most this (then to multiples of 32). On the
    /// fixtures' 1200 × 757 levelled cards, 960 found the most field values verbatim and 736 two fewer of 360, in
    /// about 60 % of the detection time; on whole generated sets 736 read as well (within a photo either way on a
    /// development and a held-out set) with the median photo taking 0.66× a single-thread `tesseract` run
    /// (`docs/benchmarks.md`).
    public var detectionLongSide: Int
    /// Probability above which a pixel of the detector's map is text.
    public var pixelThreshold: Float = 0.3
    /// Mean probability a region needs to be kept as a text line.
    public var boxThreshold: Float = 0.5
    /// How far a region is grown to cover its whole line: the DB model's maps are shrunk text.
    public var unclipRatio: Double = 1.6
    /// Lines whose mean character probability is below this are dropped by ``PPOCREngine/read(_:region:)``.
    public var minimumLineConfidence: Double = 0.5
    /// Lines recognised in one inference, similar widths together.
    public var recognitionBatch: Int
    /// A batch narrower than this (after scaling to 48 high) is padded to it: PaddleOCR pads to 320, the width
    /// the recogniser was trained at.
    public var recognitionMinimumWidth = 320

    public init(
        modelDirectory: URL? = nil, options: OpenVINOOptions = OpenVINOOptions(), detectionLongSide: Int = 736,
        recognitionBatch: Int = 6
    ) {
        self.modelDirectory = modelDirectory
        self.options = options
        self.detectionLongSide = detectionLongSide
        self.recognitionBatch = recognitionBatch
    }

    /// The environment variable that names the model folder.
    public static let modelsVariable = "KTP_MODELS"

    /// `$KTP_MODELS`, else the `.deps/models` folder that `make ocr-runtime` makes, found by walking up from the
    /// executable (a build folder lies inside the checkout) and then from the working directory.
    public static func defaultModelDirectory(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> URL? {
        if let path = environment[modelsVariable], !path.isEmpty { return URL(fileURLWithPath: path) }
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        let start = [executable, URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
        for var folder in start {
            while folder.path != "/" {
                let candidate = folder.appendingPathComponent(".deps/models")
                if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
                folder.deleteLastPathComponent()
            }
        }
        return nil
    }

    /// ``options``, with the cache beside the models when ``cachesBesideModels`` asks for it and it can be written.
    func resolvedOptions(modelDirectory: URL) -> OpenVINOOptions {
        var options = options
        let parent = modelDirectory.deletingLastPathComponent()
        if options.cacheDirectory == nil, cachesBesideModels, FileManager.default.isWritableFile(atPath: parent.path) {
            options.cacheDirectory = parent.appendingPathComponent("openvino-cache")
        }
        return options
    }

    /// The model folder this configuration names or finds.
    func resolvedModelDirectory() throws(OCRError) -> URL {
        guard let directory = modelDirectory ?? Self.defaultModelDirectory() else {
            throw OCRError(
                .modelNotFound,
                "no \(Self.modelsVariable) and no .deps/models above the executable or here (run make ocr-runtime)")
        }
        return directory
    }
}

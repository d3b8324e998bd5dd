import Foundation
import CTesseract

/// One Tesseract handle, initialised once and reused for every photo its worker thread reads.
///
/// Not `Sendable`: a handle must stay on the thread that uses it. ``ExtractorPool`` gives each
/// worker thread its own.
public final class TesseractEngine {
    /// How Tesseract segments the region it is given.
    public enum Segmentation: Int32, Sendable {
        /// A single uniform block of text.
        case block = 6
        /// A single text line.
        case line = 7
        /// As much text as possible, in no particular order: suits cards with scattered fields.
        case sparse = 11
    }

    /// How Tesseract turns the gray image into the black and white one its layout analysis reads.
    public enum Thresholding: String, Sendable {
        /// One global Otsu threshold: fine for a small, evenly lit region such as one line.
        case otsu = "0"
        /// Sauvola's local threshold: on a whole card the black photo and the bold NIK pull a
        /// global threshold so low that soft gray body text drops out, while a local threshold
        /// keeps it.
        case sauvola = "2"
    }

    private let handle: OpaquePointer
    /// The most one recognition may take, in seconds: a guard against pathological images, set
    /// well above any real card's time so that a loaded machine never cuts a good read short.
    public var deadline: Double = 20

    /// Loads `languages` from Debian's tessdata, or `dataPath` when given.
    public init(languages: String = "ind", dataPath: String? = nil) throws(OCRError) {
        guard let handle = TessBaseAPICreate() else { throw OCRError(.initialisationFailed, languages) }
        guard TessBaseAPIInit3(handle, dataPath, languages) == 0 else {
            TessBaseAPIDelete(handle)
            throw OCRError(.initialisationFailed, "cannot load the '\(languages)' language data")
        }
        self.handle = handle
        // Inverted-text detection doubles the work on a card that has none.
        TessBaseAPISetVariable(handle, "tessedit_do_invert", "0")
        // Tesseract's progress chatter ("Detected 140 diacritics") belongs in no user's terminal.
        TessBaseAPISetVariable(handle, "debug_file", "/dev/null")
    }

    deinit {
        TessBaseAPIEnd(handle)
        TessBaseAPIDelete(handle)
    }

    /// Keeps libgomp from running Tesseract's parallel loops across cores: on two cores that is
    /// 2 to 2.5 times slower than one thread, and the workers already use every core. Tesseract
    /// asks for threads with `num_threads` clauses, which override `omp_set_num_threads`, but not
    /// max-active-levels: at 0, every parallel region runs on the thread that meets it. The
    /// setting is a per-thread ICV in libgomp, so it is applied on every call, on the calling thread.
    static func limitToOneThread() {
        omp_set_max_active_levels(0)
    }

    /// Reads `raster` (or the part inside `region`) and returns its lines of words.
    public func recognize(
        _ raster: Raster, region: PixelRect? = nil, segmentation: Segmentation = .sparse,
        whitelist: String? = nil, thresholding: Thresholding = .otsu
    ) -> [OCRLine] {
        Self.limitToOneThread()
        TessBaseAPISetPageSegMode(handle, TessPageSegMode(UInt32(segmentation.rawValue)))
        TessBaseAPISetVariable(handle, "tessedit_char_whitelist", whitelist ?? "")
        TessBaseAPISetVariable(handle, "thresholding_method", thresholding.rawValue)
        TessBaseAPISetImage2(handle, raster.pix)
        TessBaseAPISetSourceResolution(handle, 300)
        if let region {
            TessBaseAPISetRectangle(handle, Int32(region.x), Int32(region.y), Int32(region.width), Int32(region.height))
        }
        defer { TessBaseAPIClear(handle) }
        // A noisy photo can send the layout analysis into minutes; a deadline bounds every call.
        let monitor = TessMonitorCreate()
        defer { TessMonitorDelete(monitor) }
        TessMonitorSetDeadlineMSecs(monitor, Int32(deadline * 1000))
        guard TessBaseAPIRecognize(handle, monitor) == 0, let iterator = TessBaseAPIGetIterator(handle) else {
            return []
        }
        defer { TessResultIteratorDelete(iterator) }
        return Self.lines(from: iterator)
    }

    private static func lines(from iterator: OpaquePointer) -> [OCRLine] {
        let page = TessResultIteratorGetPageIterator(iterator)
        var lines: [OCRLine] = []
        var words: [OCRWord] = []
        repeat {
            if TessPageIteratorIsAtBeginningOf(page, RIL_TEXTLINE) != 0, !words.isEmpty {
                lines.append(OCRLine(words: words))
                words = []
            }
            guard let cText = TessResultIteratorGetUTF8Text(iterator, RIL_WORD) else { continue }
            let text = String(cString: cText)
            TessDeleteText(cText)
            var left: Int32 = 0, top: Int32 = 0, right: Int32 = 0, bottom: Int32 = 0
            TessPageIteratorBoundingBox(page, RIL_WORD, &left, &top, &right, &bottom)
            let confidence = Double(TessResultIteratorConfidence(iterator, RIL_WORD)) / 100
            let box = PixelRect(x: Int(left), y: Int(top), width: Int(right - left), height: Int(bottom - top))
            if !text.trimmingCharacters(in: .whitespaces).isEmpty {
                words.append(OCRWord(text: text, box: box, confidence: min(max(confidence, 0), 1)))
            }
        } while TessResultIteratorNext(iterator, RIL_WORD) != 0
        if !words.isEmpty { lines.append(OCRLine(words: words)) }
        return lines
    }
}

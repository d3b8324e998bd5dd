import CTesseract
import KTPVision

/// Reads the text of a raster with Tesseract's C API, for checking that drawn cards are legible.
enum TesseractReader {
    struct Failure: Error, CustomStringConvertible {
        enum Code { case initFailed, recognitionFailed }
        let code: Code
        var description: String { "Tesseract: \(code)" }
    }

    static func text(of raster: Raster, language: String = "ind") throws -> String {
        omp_set_num_threads(1)
        guard let handle = TessBaseAPICreate() else { throw Failure(code: .initFailed) }
        defer { TessBaseAPIDelete(handle) }
        guard TessBaseAPIInit3(handle, nil, language) == 0 else { throw Failure(code: .initFailed) }
        TessBaseAPISetImage2(handle, raster.pix)
        guard let text = TessBaseAPIGetUTF8Text(handle) else { throw Failure(code: .recognitionFailed) }
        defer { TessDeleteText(text) }
        return String(cString: text)
    }
}

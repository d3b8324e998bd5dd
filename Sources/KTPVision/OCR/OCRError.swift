/// Why an OCR engine could not start, or could not run.
public struct OCRError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        /// Tesseract could not start (its language data, mostly).
        case initialisationFailed
        /// No model file where one was looked for.
        case modelNotFound
        /// A model file that is there but cannot be read as the model it should be: truncated, corrupt, wrong.
        case modelInvalid
        /// OpenVINO itself failed: its runtime, a plugin, or an inference.
        case runtimeFailed
    }

    public let code: Code
    public let detail: String

    public init(_ code: Code, _ detail: String) {
        self.code = code
        self.detail = detail
    }

    public var description: String {
        switch code {
        case .initialisationFailed: "Tesseract failed to start: \(detail)"
        case .modelNotFound: "OCR model not found: \(detail)"
        case .modelInvalid: "OCR model unreadable: \(detail)"
        case .runtimeFailed: "OpenVINO failed: \(detail)"
        }
    }
}

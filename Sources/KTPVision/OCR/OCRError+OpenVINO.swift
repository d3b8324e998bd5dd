import COpenVINO

extension OCRError {
    /// Throws `code` with OpenVINO's own message when `status` is not `OK`.
    static func check(_ status: ov_status_e, _ code: Code, _ what: @autoclosure () -> String) throws(OCRError) {
        guard status != OK else { return }
        // The C API keeps the last exception's text per thread: read it before anything else can fail.
        let message = ov_get_last_err_msg().map { String(cString: $0) } ?? ""
        let reason = String(cString: ov_get_error_info(status))
        let firstLine = message.split(separator: "\n").first.map(String.init) ?? reason
        throw OCRError(code, "\(what()): \(firstLine.isEmpty ? reason : firstLine)")
    }
}

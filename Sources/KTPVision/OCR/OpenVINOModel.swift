import COpenVINO
import Synchronization

/// One model compiled for the CPU, shared by every worker; each worker runs it through its own ``OpenVINORequest``.
///
/// `@unchecked Sendable`: the compiled model's handle is written only in `init` and `deinit`, and every call
/// made on it in between (``makeRequest()``, ``property(_:)``) is serialised by `lock`. Requests themselves are
/// not shared.
public final class OpenVINOModel: @unchecked Sendable {
    private let handle: OpaquePointer
    private let lock = Mutex(())
    /// The core outlives every model compiled with it: the plugin that ran the compilation lives there.
    private let core: OpenVINOCore
    /// The model's file name, for messages.
    public let name: String
    /// The first output's dimensions as compiled, `nil` where the size is only known at inference.
    public let outputDimensions: [Int?]

    init(compiled: OpaquePointer, core: OpenVINOCore, name: String) throws(OCRError) {
        handle = compiled
        self.core = core
        self.name = name
        var port: OpaquePointer?
        var shape = ov_partial_shape_t()
        do throws(OCRError) {
            try OCRError.check(ov_compiled_model_output_by_index(compiled, 0, &port), .modelInvalid, "\(name) output")
            defer { ov_output_const_port_free(port) }
            try OCRError.check(ov_port_get_partial_shape(port, &shape), .modelInvalid, "\(name) output shape")
        } catch {
            ov_compiled_model_free(compiled)
            throw error
        }
        defer { ov_partial_shape_free(&shape) }
        let rank = max(0, Int(shape.rank.max))
        outputDimensions = (0..<rank).map { i in
            let dimension = shape.dims[i]
            return dimension.min == dimension.max && dimension.min >= 0 ? Int(dimension.min) : nil
        }
    }

    deinit {
        ov_compiled_model_free(handle)
    }

    /// A property of the compiled model as OpenVINO settled it (`NUM_STREAMS`, `INFERENCE_NUM_THREADS`, ...).
    public func property(_ key: String) throws(OCRError) -> String {
        var value: UnsafeMutablePointer<CChar>?
        try lock.withLock { _ throws(OCRError) in
            try OCRError.check(ov_compiled_model_get_property(handle, key, &value), .runtimeFailed, "\(name) \(key)")
        }
        guard let value else { throw OCRError(.runtimeFailed, "\(name) has no \(key)") }
        defer { ov_free(value) }
        return String(cString: value)
    }

    /// A new inference request, for one worker thread.
    public func makeRequest() throws(OCRError) -> OpenVINORequest {
        let request: OpaquePointer = try lock.withLock { _ throws(OCRError) -> OpaquePointer in
            var request: OpaquePointer?
            try OCRError.check(
                ov_compiled_model_create_infer_request(handle, &request), .runtimeFailed, "\(name) request")
            guard let request else { throw OCRError(.runtimeFailed, "no inference request for \(name)") }
            return request
        }
        return OpenVINORequest(handle: request, model: self)
    }
}

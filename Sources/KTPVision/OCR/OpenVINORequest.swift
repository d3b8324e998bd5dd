import COpenVINO

/// One inference request of an ``OpenVINOModel``, with its own input and output buffers.
///
/// Not `Sendable`: an OpenVINO request must not be used from two threads at once, so it stays with the worker
/// that made it.
public final class OpenVINORequest {
    private let handle: OpaquePointer
    /// Keeps the compiled model alive while its request is.
    public let model: OpenVINOModel

    init(handle: OpaquePointer, model: OpenVINOModel) {
        self.handle = handle
        self.model = model
    }

    deinit {
        ov_infer_request_free(handle)
    }

    /// Runs the model on `input`, `Float32` in row-major order with `shape`, and lends `body` the first output,
    /// valid only during the call (a recogniser's batch output is tens of megabytes: it is not copied).
    public func infer<R>(
        _ input: [Float], shape: [Int], _ body: (UnsafeBufferPointer<Float>, [Int]) throws(OCRError) -> R
    ) throws(OCRError) -> R {
        precondition(shape.reduce(1, *) == input.count, "input does not match its shape")
        return try input.withUnsafeBufferPointer { (buffer) throws(OCRError) -> R in
            try run(buffer, shape: shape, body)
        }
    }

    private func run<R>(
        _ buffer: UnsafeBufferPointer<Float>, shape: [Int],
        _ body: (UnsafeBufferPointer<Float>, [Int]) throws(OCRError) -> R
    ) throws(OCRError) -> R {
        let name = model.name
        var dims = shape.map(Int64.init)
        var ovShape = ov_shape_t()
        try OCRError.check(ov_shape_create(Int64(dims.count), &dims, &ovShape), .runtimeFailed, "\(name) input shape")
        defer { ov_shape_free(&ovShape) }
        var tensor: OpaquePointer?
        // The tensor wraps the caller's buffer without a copy, only for this call. The C API asks for a mutable
        // pointer, but an input tensor is only read.
        let host = UnsafeMutableRawPointer(mutating: buffer.baseAddress)
        try OCRError.check(
            ov_tensor_create_from_host_ptr(F32, ovShape, host, &tensor), .runtimeFailed,
            "\(name) input tensor")
        defer { ov_tensor_free(tensor) }
        try OCRError.check(ov_infer_request_set_input_tensor_by_index(handle, 0, tensor), .runtimeFailed, name)
        try OCRError.check(ov_infer_request_infer(handle), .runtimeFailed, "\(name) inference")
        var output: OpaquePointer?
        try OCRError.check(ov_infer_request_get_output_tensor_by_index(handle, 0, &output), .runtimeFailed, name)
        defer { ov_tensor_free(output) }
        var outShape = ov_shape_t()
        try OCRError.check(ov_tensor_get_shape(output, &outShape), .runtimeFailed, "\(name) output shape")
        defer { ov_shape_free(&outShape) }
        let outDims = (0..<Int(outShape.rank)).map { Int(outShape.dims[$0]) }
        var type = DYNAMIC
        try OCRError.check(ov_tensor_get_element_type(output, &type), .runtimeFailed, "\(name) output type")
        guard type == F32 else { throw OCRError(.modelInvalid, "\(name) output is not Float32") }
        var data: UnsafeMutableRawPointer?
        try OCRError.check(ov_tensor_data(output, &data), .runtimeFailed, "\(name) output data")
        guard let data else { throw OCRError(.runtimeFailed, "\(name) has no output data") }
        let count = outDims.reduce(1, *)
        return try body(UnsafeBufferPointer(start: data.assumingMemoryBound(to: Float.self), count: count), outDims)
    }
}

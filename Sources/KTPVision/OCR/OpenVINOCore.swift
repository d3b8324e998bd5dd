import COpenVINO
import Foundation
import Synchronization

/// OpenVINO's runtime: its device plugins and frontends, loaded once and shared by every model compiled with it.
///
/// `@unchecked Sendable`: the handle is written only in `init` and `deinit`, and the one call made on it in
/// between, ``compile(_:options:)``, is serialised by `lock`, so no two threads are ever inside the core at once.
public final class OpenVINOCore: @unchecked Sendable {
    private let handle: OpaquePointer
    private let lock = Mutex(())

    public init() throws(OCRError) {
        var core: OpaquePointer?
        try OCRError.check(ov_core_create(&core), .runtimeFailed, "cannot create the OpenVINO core")
        guard let core else { throw OCRError(.runtimeFailed, "the OpenVINO core is null") }
        handle = core
    }

    deinit {
        ov_core_free(handle)
    }

    /// Compiles the ONNX (or IR) file at `url` for the CPU.
    ///
    /// A missing file is ``OCRError/Code/modelNotFound``; one OpenVINO cannot read is
    /// ``OCRError/Code/modelInvalid``.
    public func compile(_ url: URL, options: OpenVINOOptions) throws(OCRError) -> OpenVINOModel {
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw OCRError(.modelNotFound, url.path)
        }
        // OpenVINO's thread count is the whole model's, shared among its streams, and it caps the streams at it.
        let streams = max(1, options.streams)
        var properties = [("INFERENCE_NUM_THREADS", String(max(1, options.threads) * streams))]
        properties.append(("NUM_STREAMS", String(streams)))
        // The worker pool already runs a thread per core, alongside Tesseract's: OpenVINO pinning its own
        // threads to cores would fight the scheduler for them.
        properties.append(("ENABLE_CPU_PINNING", "NO"))
        if let cache = options.cacheDirectory { properties.append(("CACHE_DIR", cache.path)) }
        let compiled: OpaquePointer = try lock.withLock { _ throws(OCRError) -> OpaquePointer in
            try Self.withProperties(properties) { (list: UnsafePointer<ov_property_t>, count: Int) throws(OCRError) in
                var compiled: OpaquePointer?
                let status = ov_core_compile_model_from_file_props(handle, url.path, "CPU", count, list, &compiled)
                // Every failure past the file's existence is the file's (or its cache's) fault: say which file.
                try OCRError.check(status, .modelInvalid, url.lastPathComponent)
                guard let compiled else { throw OCRError(.runtimeFailed, "no compiled model for \(url.path)") }
                return compiled
            }
        }
        return try OpenVINOModel(compiled: compiled, core: self, name: url.lastPathComponent)
    }

    /// Lends the C API an array of key-value pairs whose strings live as long as the call.
    private static func withProperties<R>(
        _ pairs: [(String, String)],
        _ body: (UnsafePointer<ov_property_t>, Int) throws(OCRError) -> R
    ) throws(OCRError) -> R {
        let strings = pairs.flatMap { [strdup($0.0)!, strdup($0.1)!] }
        defer { strings.forEach { free($0) } }
        let list = (0..<pairs.count).map {
            ov_property_t(key: strings[2 * $0], value: UnsafeRawPointer(strings[2 * $0 + 1]))
        }
        return try list.withUnsafeBufferPointer { (buffer) throws(OCRError) -> R in
            try body(buffer.baseAddress!, buffer.count)
        }
    }
}

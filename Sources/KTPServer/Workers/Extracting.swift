import KTPVision

/// The engine as the workers see it: bytes in, an extraction out.
public protocol Extracting: Sendable {
    func extract(_ bytes: [UInt8]) async throws -> Extraction
}

extension ExtractorPool: Extracting {}

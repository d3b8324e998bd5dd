/// One encoded photo and its ground truth, ready to be written.
public struct GeneratedPhoto: Sendable, Hashable {
    public var fileName: String
    public var bytes: [UInt8]
    public var truth: GroundTruth

    public init(fileName: String, bytes: [UInt8], truth: GroundTruth) {
        self.fileName = fileName
        self.bytes = bytes
        self.truth = truth
    }
}

/// Seconds spent in each stage of one extraction.
public struct StageTimings: Sendable, Hashable, Codable {
    public var decode: Double = 0
    public var locate: Double = 0
    public var quality: Double = 0
    public var ocr: Double = 0
    public var parse: Double = 0

    public init() {}

    public var total: Double { decode + locate + quality + ocr + parse }
}

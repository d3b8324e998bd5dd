/// One box read by the recogniser: the decoded characters and the line of words made from them.
public struct RecognizedLine: Sendable, Hashable {
    /// Where the crop was taken, in image pixels.
    public var box: PixelRect
    public var decoding: CTCDecoding
    /// The decoding's words with approximate boxes; no words when nothing was read.
    public var line: OCRLine

    /// The mean probability of the line's characters.
    public var confidence: Double { decoding.confidence }
}

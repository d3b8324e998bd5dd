/// One text region the detector found, in image pixels, with the detector's mean probability.
public struct DetectedText: Sendable, Hashable {
    /// The region grown by the unclip distance: what the recogniser is given, margins included.
    public var box: PixelRect
    /// The region as the map marks it, before growing: it keeps the line's centre and is about its print's
    /// height, where `box` is twice that and more, tall enough to span the next row of a card.
    public var core: PixelRect
    public var score: Double
    /// The direction the region runs in, in radians, positive when it runs down to the right: the principal axis
    /// of its pixels, which a tilted line keeps though its axis-aligned box does not.
    public var angle: Double
    /// How many times longer than thick the region is, along ``angle``: a word or a line has a direction, a
    /// blot or a single letter hardly any.
    public var elongation: Double

    public init(box: PixelRect, core: PixelRect? = nil, score: Double, angle: Double = 0, elongation: Double = 1) {
        self.box = box
        self.core = core ?? box
        self.score = score
        self.angle = angle
        self.elongation = elongation
    }
}

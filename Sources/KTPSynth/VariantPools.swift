/// The faces, blur kinds and layouts a data set draws from, so some can be held back from development.
public struct VariantPools: Sendable, Hashable {
    public var faces: [CardFace]
    public var blurKinds: [BlurKind]
    public var layouts: [LayoutVariant]

    /// Every pool must offer at least one choice.
    public init(faces: [CardFace], blurKinds: [BlurKind], layouts: [LayoutVariant]) {
        precondition(!faces.isEmpty && !blurKinds.isEmpty && !layouts.isEmpty, "a variant pool is empty")
        self.faces = faces
        self.blurKinds = blurKinds
        self.layouts = layouts
    }
}

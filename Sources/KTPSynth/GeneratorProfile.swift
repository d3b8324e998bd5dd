/// Named variant pools. `development` and `heldout` share no face, blur kind or layout, so a
/// report on `heldout` measures variants that development never saw.
public enum GeneratorProfile: String, Sendable, Hashable, CaseIterable {
    case development
    case heldout
    case all

    public var pools: VariantPools {
        switch self {
        case .development:
            VariantPools(faces: [.liberation, .dejavu, .freesans], blurKinds: [.gaussian, .defocus], layouts: [.a, .b])
        case .heldout:
            VariantPools(faces: [.nimbus], blurKinds: [.motion], layouts: [.c])
        case .all:
            VariantPools(faces: CardFace.allCases, blurKinds: BlurKind.allCases, layouts: LayoutVariant.allCases)
        }
    }
}

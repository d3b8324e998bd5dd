/// The sex a NIK encodes (women's birth day is printed plus 40), spelled as the card prints it.
public enum Gender: String, Sendable, Hashable, CaseIterable {
    case male = "LAKI-LAKI"
    case female = "PEREMPUAN"

    /// What the NIK adds to the birth day for this sex.
    public var nikDayOffset: Int { self == .female ? 40 : 0 }
}

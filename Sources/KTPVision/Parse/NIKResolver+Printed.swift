extension NIKResolver {
    /// What the card printed next to the NIK, already parsed.
    struct Printed: Sendable {
        var date: CardDate?
        var dateReading: FieldReading
        var yearHint: Int?
        var gender: Gender?
        var genderReading: FieldReading
    }
}

extension NIKResolver {
    /// What the card printed next to the NIK, already parsed.
    struct Printed: Sendable {
        var date: CardDate?
        var dateReading: FieldReading
        var gender: Gender?
        var genderReading: FieldReading
        /// The province and regency codes the card's header snapped to on its own, unguided by
        /// any NIK: the region digits' own cross-check.
        var provinceCode: String? = nil
        var regencyCode: String? = nil
    }
}

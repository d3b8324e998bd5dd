/// The outcome of snapping one header or address line to the region table.
struct RegionSnap: Sendable, Hashable {
    var reading: FieldReading
    /// The table entry the reading was snapped to, if any.
    var code: String?
    /// Whether the reading disagrees with the NIK's region at this level.
    var mismatchesNIK: Bool
}

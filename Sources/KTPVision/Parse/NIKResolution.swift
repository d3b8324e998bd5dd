/// What cross-checking the NIK with the printed birth date and sex decided for those fields.
struct NIKResolution: Sendable {
    var nik: FieldReading
    /// The chosen NIK when it is structurally valid; guides region snapping.
    var validNIK: NIK?
    var dateOfBirth: FieldReading
    var gender: FieldReading
    var warnings: [ValidationWarning]
}

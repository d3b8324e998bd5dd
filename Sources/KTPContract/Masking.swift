/// Masks personal data for screens and logs: a NIK keeps its region code and serial
/// (`3171********0003`), a name its initials (`B**** S*******`).
public enum Masking {
    public static func mask(_ value: String, for key: FieldKey) -> String {
        switch key {
        case .nik: maskNIK(value)
        case .fullName: maskName(value)
        default: value
        }
    }

    public static func maskNIK(_ nik: String) -> String {
        guard nik.count > 8 else { return String(repeating: "*", count: nik.count) }
        return nik.prefix(4) + String(repeating: "*", count: nik.count - 8) + nik.suffix(4)
    }

    public static func maskName(_ name: String) -> String {
        name.split(separator: " ").map { word in
            word.prefix(1) + String(repeating: "*", count: max(0, word.count - 1))
        }.joined(separator: " ")
    }
}

extension ResultBody {
    /// This body with the NIK and name masked, for printing.
    public func masked() -> ResultBody {
        guard var fields = data.fields else { return self }
        var copy = self
        for key in [FieldKey.nik, .fullName] { fields[key] = Masking.mask(fields[key], for: key) }
        copy.data.fields = fields
        return copy
    }
}

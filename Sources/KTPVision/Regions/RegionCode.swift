/// Converts between a NIK's six region digits and the table's dotted codes.
public enum RegionCode {
    /// `"320405"` → (`"32"`, `"32.04"`, `"32.04.05"`).
    public static func dotted(
        nikPrefix digits: some StringProtocol
    ) -> (province: String, regency: String, district: String)? {
        let d = Array(digits.prefix(6))
        guard d.count == 6, d.allSatisfy(\.isASCIIDigit) else { return nil }
        let province = String(d[0...1])
        let regency = province + "." + String(d[2...3])
        return (province, regency, regency + "." + String(d[4...5]))
    }

    /// `"32.04.05"` → `"320405"`.
    public static func digits(_ dotted: String) -> String {
        dotted.replacingOccurrences(of: ".", with: "")
    }

    static func isDotted(_ code: String) -> Bool {
        let parts = code.split(separator: ".", omittingEmptySubsequences: false)
        let lengths = [2, 2, 2, 4]
        guard (1...4).contains(parts.count) else { return false }
        return zip(parts, lengths).allSatisfy { part, length in
            part.count == length && part.allSatisfy(\.isASCIIDigit)
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

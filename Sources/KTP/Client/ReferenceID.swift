import Foundation

/// The ids the SDK makes, within the contract's rule.
extension ReferenceID {
    /// A fresh id no other submission shares: `ktp-` and 24 random hex digits.
    public static func generate() -> String {
        "ktp-" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(24)
    }

    /// The id of a reprocessing: `<root>-r<n>`, where `root` drops an earlier `-r<n>` suffix.
    public static func reprocessing(_ id: String, number: Int) -> String {
        "\(root(of: id))-r\(number)"
    }

    /// `abc-r2` → `abc`; an id without the suffix is its own root.
    public static func root(of id: String) -> String {
        guard let range = id.range(of: #"-r[0-9]+$"#, options: .regularExpression) else { return id }
        return String(id[..<range.lowerBound])
    }
}

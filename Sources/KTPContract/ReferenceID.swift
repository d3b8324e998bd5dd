/// The contract's rule for a `reference_id` (ours): 6 to 64 characters of `[A-Za-z0-9._:-]`.
public enum ReferenceID {
    public static let lengths = 6...64

    /// Whether every character is a letter, a digit, `.`, `_`, `:` or `-`, in ASCII.
    public static func hasAllowedCharacters(_ id: String) -> Bool {
        id.unicodeScalars.allSatisfy { scalar in
            ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
                || "._:-".unicodeScalars.contains(scalar)
        }
    }

    public static func isValid(_ id: String) -> Bool {
        lengths.contains(id.count) && hasAllowedCharacters(id)
    }
}

/// Finds a comma that closes an object or array (`{"image": "AAAA",}`), outside strings.
///
/// Foundation's `JSONDecoder` on Linux accepts trailing commas even with `allowsJSON5` off, and
/// offers no option to refuse them; it refuses every other non-strict form (comments, single
/// quotes, NaN, unquoted keys, leading zeros), so this one pass is all that strict JSON needs.
enum JSONTrailingComma {
    static func isPresent(in bytes: [UInt8]) -> Bool {
        var inString = false
        var escaped = false
        var afterComma = false
        for byte in bytes {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                continue
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if afterComma { return true }
            case UInt8(ascii: "\""):
                inString = true
            default:
                break
            }
            afterComma = byte == UInt8(ascii: ",")
        }
        return false
    }
}

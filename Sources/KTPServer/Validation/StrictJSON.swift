/// A strict JSON parser (RFC 8259) for submit bodies: one pass over the bytes, `nil` for
/// anything that is not strict JSON.
///
/// Hand-written because a submit is mostly one megabyte-long string: Foundation's
/// `JSONDecoder` on Linux accepts trailing commas with no option to refuse them, so the body
/// needed a second scan for those, and the two byte-at-a-time passes were most of the accept
/// path's CPU (`perf`, issue 16). Here a string's plain run is skipped eight bytes at a time.
/// A UTF-8 byte order mark is skipped, as Foundation's decoder did; nesting deeper than
/// ``maxDepth`` is refused rather than recursed into.
enum StrictJSON {
    static let maxDepth = 512

    static func parse(_ bytes: [UInt8]) -> JSONValue? {
        bytes.withUnsafeBufferPointer { buffer in
            var parser = Parser(bytes: buffer)
            if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
            guard let value = parser.value(depth: 0) else { return nil }
            parser.skipWhitespace()
            return parser.index == buffer.count ? value : nil
        }
    }

    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
        }

        /// Consumes `byte` after any whitespace; `false` when the next byte is another.
        mutating func consume(_ byte: UInt8) -> Bool {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        mutating func literal(_ text: StaticString, _ value: JSONValue) -> JSONValue? {
            let count = text.utf8CodeUnitCount
            guard index + count <= bytes.count else { return nil }
            for offset in 0..<count where bytes[index + offset] != text.utf8Start[offset] { return nil }
            index += count
            return value
        }

        mutating func value(depth: Int) -> JSONValue? {
            skipWhitespace()
            guard index < bytes.count else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "{"): return object(depth: depth + 1)
            case UInt8(ascii: "["): return array(depth: depth + 1)
            case UInt8(ascii: "\""): return string().map(JSONValue.string)
            case UInt8(ascii: "t"): return literal("true", .bool(true))
            case UInt8(ascii: "f"): return literal("false", .bool(false))
            case UInt8(ascii: "n"): return literal("null", .null)
            default: return number()
            }
        }

        mutating func object(depth: Int) -> JSONValue? {
            guard depth <= maxDepth else { return nil }
            index += 1
            var members: [String: JSONValue] = [:]
            if consume(UInt8(ascii: "}")) { return .object(members) }
            repeat {
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let key = string(),
                    consume(UInt8(ascii: ":")), let value = value(depth: depth)
                else { return nil }
                members[key] = value
            } while consume(UInt8(ascii: ","))
            return consume(UInt8(ascii: "}")) ? .object(members) : nil
        }

        mutating func array(depth: Int) -> JSONValue? {
            guard depth <= maxDepth else { return nil }
            index += 1
            var elements: [JSONValue] = []
            if consume(UInt8(ascii: "]")) { return .array(elements) }
            repeat {
                guard let element = value(depth: depth) else { return nil }
                elements.append(element)
            } while consume(UInt8(ascii: ","))
            return consume(UInt8(ascii: "]")) ? .array(elements) : nil
        }

        /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, finite.
        mutating func number() -> JSONValue? {
            let start = index
            if peek(UInt8(ascii: "-")) { index += 1 }
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: "0") {
                index += 1
            } else {
                guard digits() > 0 else { return nil }
            }
            if peek(UInt8(ascii: ".")) {
                index += 1
                guard digits() > 0 else { return nil }
            }
            if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
                index += 1
                if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { index += 1 }
                guard digits() > 0 else { return nil }
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            guard let number = Double(text), number.isFinite else { return nil }
            return .number(number)
        }

        func peek(_ byte: UInt8) -> Bool {
            index < bytes.count && bytes[index] == byte
        }

        mutating func digits() -> Int {
            let start = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            return index - start
        }

        /// The string that starts at the opening quote under `index`. Its bytes other than ASCII
        /// are validated as UTF-8 once, with the whole string.
        mutating func string() -> String? {
            index += 1
            // Filled only once an escape is met; until then the string is a slice of the body.
            var unescaped: [UInt8] = []
            var hasEscapes = false
            var runStart = index
            while true {
                index = Self.plainRunEnd(bytes, from: index)
                guard index < bytes.count else { return nil }
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") { break }
                guard byte == UInt8(ascii: "\\") else { return nil }
                hasEscapes = true
                unescaped.append(contentsOf: bytes[runStart..<index])
                guard escape(into: &unescaped) else { return nil }
                runStart = index
            }
            let raw = UnsafeBufferPointer(rebasing: bytes[runStart..<index])
            index += 1
            guard hasEscapes else { return String(validating: raw, as: UTF8.self) }
            unescaped.append(contentsOf: raw)
            return String(validating: unescaped, as: UTF8.self)
        }

        /// Appends the UTF-8 of the escape under `index` and consumes it; `false` when it is not
        /// one of JSON's, or a `\u` escape is a lone surrogate.
        mutating func escape(into text: inout [UInt8]) -> Bool {
            guard index + 1 < bytes.count else { return false }
            let letter = bytes[index + 1]
            index += 2
            switch letter {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(letter)
            case UInt8(ascii: "b"): text.append(0x08)
            case UInt8(ascii: "f"): text.append(0x0C)
            case UInt8(ascii: "n"): text.append(0x0A)
            case UInt8(ascii: "r"): text.append(0x0D)
            case UInt8(ascii: "t"): text.append(0x09)
            case UInt8(ascii: "u"):
                guard let unit = hex4() else { return false }
                var scalar: Unicode.Scalar?
                switch unit {
                case 0xD800...0xDBFF:
                    guard peek(UInt8(ascii: "\\")), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u")
                    else { return false }
                    index += 2
                    guard let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return false }
                    scalar = Unicode.Scalar(0x10000 + (UInt32(unit) - 0xD800) << 10 + (UInt32(low) - 0xDC00))
                case 0xDC00...0xDFFF:
                    return false
                default:
                    scalar = Unicode.Scalar(unit)
                }
                guard let scalar else { return false }
                text.append(contentsOf: UTF8.encode(scalar)!)
            default:
                return false
            }
            return true
        }

        mutating func hex4() -> UInt16? {
            guard index + 4 <= bytes.count else { return nil }
            var unit: UInt16 = 0
            for byte in bytes[index..<(index + 4)] {
                guard let digit = Self.hexDigit(byte) else { return nil }
                unit = unit << 4 | UInt16(digit)
            }
            index += 4
            return unit
        }

        static func hexDigit(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
            default: nil
            }
        }

        /// The index of the first byte at or after `start` that is a quote, a backslash or a
        /// control character; the run before it is skipped eight bytes at a time.
        static func plainRunEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
            var index = start
            let raw = UnsafeRawBufferPointer(bytes)
            while index + 8 <= bytes.count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                if hasSpecialByte(word) { break }
                index += 8
            }
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
                index += 1
            }
            return index
        }

        /// Whether any byte of `word` is `"`, `\` or below 0x20. The tests for a zero byte,
        /// `(v - 0x01…) & ~v & 0x80…`, and for a byte below n, `(v - n…) & ~v & 0x80…`, can mark a
        /// byte above a matching one too, but never mark a word with none: the answer is exact.
        static func hasSpecialByte(_ word: UInt64) -> Bool {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let quote = word ^ (ones &* 0x22)
            let backslash = word ^ (ones &* 0x5C)
            let marks =
                ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((word &- ones &* 0x20) & ~word)
            return marks & (ones &* 0x80) != 0
        }
    }
}

import Foundation
import Testing
@testable import KTPServer

@Suite struct StrictJSONTests {
    static func parse(_ text: String) -> JSONValue? {
        StrictJSON.parse(Array(text.utf8))
    }

    @Test func parsesEveryKindOfValueWithItsExactType() {
        let value = Self.parse(#" {"s": "a", "t": true, "f": false, "n": null, "x": -0.5e-3, "a": [1, {}, []]} "#)
        #expect(
            value
                == .object([
                    "s": .string("a"), "t": .bool(true), "f": .bool(false), "n": .null, "x": .number(-0.0005),
                    "a": .array([.number(1), .object([:]), .array([])]),
                ]))
    }

    @Test(arguments: [
        "", " ", "{", "}", "[1,]", "{\"a\": 1,}", "[,]", "{,}", "{\"a\" 1}", "{\"a\": }", "{\"a\": 1 \"b\": 2}",
        "{'a': 1}", "{a: 1}", "[1] [2]", "[tru]", "[nul]", "[True]", "[NaN]", "[Infinity]", "[01]", "[+1]",
        "[-]", "[1.]", "[.5]", "[1e]", "[1e+]", "[0x10]", "[1e400]", "[1 /* c */]", "[\"a\"] // c",
        "[\"\\x\"]", "[\"\\u12\"]", "[\"\\uZZZZ\"]", "[\"\\ud800\"]", "[\"\\udc00\"]", "[\"\\ud800\\u0041\"]",
        "[\"a\tb\"]", "[\"a\nb\"]", "[\"open]", "[\"\\",
    ])
    func refusesWhatIsNotStrictJSON(text: String) {
        #expect(Self.parse(text) == nil)
    }

    @Test func refusesInvalidUTF8InsideAndOutsideStrings() {
        #expect(StrictJSON.parse(Array("[\"ab".utf8) + [0xC3] + Array("\"]".utf8)) == nil)
        #expect(StrictJSON.parse(Array("[\"abcdefghij".utf8) + [0xFF, 0xFE] + Array("\"]".utf8)) == nil)
        #expect(StrictJSON.parse(Array("[\"".utf8) + [0xED, 0xA0, 0x80] + Array("\"]".utf8)) == nil)
        #expect(StrictJSON.parse([0xC3, 0xA9]) == nil)
    }

    @Test func decodesEscapesAndKeepsUTF8() {
        #expect(Self.parse(#"["a\"b\\c\/d\b\f\n\r\t"]"#) == .array([.string("a\"b\\c/d\u{8}\u{C}\n\r\t")]))
        #expect(Self.parse(#"["\u00e9\u0041 é \ud83d\ude00 😀"]"#) == .array([.string("éA é 😀 😀")]))
    }

    /// The plain run of a string is skipped eight bytes at a time: a special byte must be found
    /// at every offset within a word, and after any number of plain words.
    @Test(arguments: 0..<17)
    func findsTheEndOfAStringAtEveryOffset(plain: Int) {
        let run = String(repeating: "A", count: plain)
        #expect(Self.parse("[\"\(run)\"]") == .array([.string(run)]))
        #expect(Self.parse("[\"\(run)\\n\(run)\"]") == .array([.string(run + "\n" + run)]))
        #expect(Self.parse("[\"\(run)é\(run)\"]") == .array([.string(run + "é" + run)]))
        #expect(Self.parse("[\"\(run)\u{1}\(run)\"]") == nil)
        #expect(Self.parse("[\"\(run)") == nil)
    }

    /// Some encoders (PHP's `json_encode`) escape every `/`, a sixty-fourth of base64.
    @Test func aBase64StringWithEverySlashEscapedDecodesToTheBase64() {
        let base64 = String(repeating: "QUJD/+9z", count: 64)
        let escaped = base64.replacingOccurrences(of: "/", with: #"\/"#)
        #expect(Self.parse(#"{"image": "\#(escaped)"}"#) == .object(["image": .string(base64)]))
    }

    @Test func aLaterDuplicateKeyWins() {
        #expect(Self.parse(#"{"a": 1, "a": "two"}"#) == .object(["a": .string("two")]))
    }

    @Test func skipsAUTF8ByteOrderMark() {
        #expect(StrictJSON.parse([0xEF, 0xBB, 0xBF] + Array("{}".utf8)) == .object([:]))
    }

    @Test func refusesNestingDeeperThanTheLimit() {
        let limit = StrictJSON.maxDepth
        let deepest = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        #expect(Self.parse(deepest) != nil)
        #expect(Self.parse("[" + deepest + "]") == nil)
    }
}

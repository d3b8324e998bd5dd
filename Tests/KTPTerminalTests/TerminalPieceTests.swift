import KTPDashboard
import Testing
@testable import KTPTerminal

/// The terminal layer's pure parts: colour support, key decoding, and the grid as spans.
@Suite struct TerminalPieceTests {
    @Test func noColorWinsOverTheTerminalsColours() {
        #expect(ColorMode.choose(environment: ["NO_COLOR": "1"], terminalColors: 256, hasColors: true) == .none)
        #expect(ColorMode.choose(environment: ["NO_COLOR": ""], terminalColors: 256, hasColors: true) == .indexed256)
        #expect(ColorMode.choose(environment: [:], terminalColors: 8, hasColors: true) == .eight)
        #expect(ColorMode.choose(environment: [:], terminalColors: 256, hasColors: false) == .none)
    }

    @Test func keysDecodeFromCharactersAndFunctionCodes() {
        #expect(KeyDecoder.key(for: .character(13)) == .enter)
        #expect(KeyDecoder.key(for: .character(27)) == .escape)
        #expect(KeyDecoder.key(for: .character(127)) == .backspace)
        #expect(KeyDecoder.key(for: .character(UInt32(("é" as Unicode.Scalar).value))) == .character("é"))
        #expect(KeyDecoder.key(for: .character(3)) == nil, "control characters other than the named ones are dropped")
        #expect(KeyDecoder.key(for: .function(Int32(0o403))) == .up)
        #expect(KeyDecoder.key(for: .function(Int32(0o523))) == .pageUp)
    }

    @Test func withoutColourThePaletteFallsBackToMonochromeAttributes() {
        let palette = ThemePalette(theme: .standard, colorMode: .none)
        #expect(palette.pairs.allSatisfy { $0.foreground == nil && $0.background == nil })
        #expect(palette.attributes(for: .selected).contains(.reverse))
    }

    @Test func eightColourTerminalsGetTheNearestBasicColours() {
        let theme = Theme(name: "t", styles: [.text: Style(foreground: .indexed(196), background: .indexed(12))])
        let palette = ThemePalette(theme: theme, colorMode: .eight)
        let pair = palette.pairs[Int(palette.pair(for: .text)) - 1]
        #expect(pair.foreground == 1, "256-colour red is red")
        #expect(pair.background == 4, "bright blue is blue")
        let full = ThemePalette(theme: theme, colorMode: .indexed256).pairs[Int(palette.pair(for: .text)) - 1]
        #expect(full.foreground == 196)
    }

    @Test func aGridBecomesOneSpanPerRunOfARole() {
        var grid = CellGrid(columns: 5, rows: 2)
        for column in 0..<5 { grid[column, 0] = Cell(character: "ab✓de"[column], role: column < 2 ? .text : .complete) }
        let spans = ThemePalette(theme: .standard, colorMode: .indexed256).spans(for: grid)
        #expect(spans[0].map(\.text) == ["ab", "✓de"])
        #expect(spans[1].map(\.text) == ["     "])
    }
}

extension String {
    fileprivate subscript(offset: Int) -> Character { self[index(startIndex, offsetBy: offset)] }
}

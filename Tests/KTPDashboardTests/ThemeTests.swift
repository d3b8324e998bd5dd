import Foundation
import Testing

@testable import KTPDashboard

@Suite struct ThemeTests {
    static let themes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("themes")
    static let shipped = ["default", "light", "high-contrast", "solarized-dark", "colorblind"]

    @Test(arguments: shipped) func everyShippedThemeLoads(name: String) throws {
        let theme = try Theme.load(name, directories: [Self.themes])
        #expect(theme.name == name)
        #expect(StyleRole.allCases.allSatisfy { theme.styles[$0] != nil })
    }

    @Test func theShippedDefaultIsTheBuiltInDefault() throws {
        #expect(try Theme.load("default", directories: [Self.themes]) == Theme.standard)
        #expect(Theme.available(in: [Self.themes]) == Self.shipped.sorted())
    }

    @Test func theReadmeDocumentsEveryRoleAndNoOther() throws {
        let readme = try String(contentsOf: Self.themes.appendingPathComponent("README.md"), encoding: .utf8)
        let documented = readme.split(separator: "\n").filter { $0.hasPrefix("| `") && !$0.contains("`fg`") }
            .compactMap { $0.split(separator: "`").dropFirst().first.map(String.init) }
            .filter { !["fg", "bg", "bold", "underline", "reverse"].contains($0) && !Self.shipped.contains($0) }
        #expect(documented == StyleRole.allCases.map(\.rawValue))
    }

    @Test func aPartialThemeInheritsTheDefaultRoleByRoleAndKeyByKey() throws {
        let theme = try ThemeLoader.parse(
            """
            # only two changes
            [selected]
            bg = "blue"

            [text]
            fg = "#ff8700"
            """, name: "mine", file: "mine.toml")
        #expect(theme.style(for: .selected) == Style(foreground: .indexed(231), background: .indexed(4), bold: true))
        #expect(theme.style(for: .text).foreground == .indexed(208))
        #expect(theme.style(for: .failed) == Theme.standard.style(for: .failed))
    }

    @Test func anUnknownKeyNamesTheFileAndLine() {
        let text = "[text]\nfg = \"white\"\n\n[selected]\nbold = true\nfgg = \"red\"\n"
        #expect(
            throws: ThemeError(
                .unknownKey, file: "themes/x.toml", line: 6,
                "unknown key 'fgg' in [selected] (known: fg, bg, bold, underline, reverse)")
        ) {
            try ThemeLoader.parse(text, name: "x", file: "themes/x.toml")
        }
        #expect(throws: ThemeError(.unknownKey, file: "y.toml", line: 3, "unknown key 'sparkles'")) {
            try ThemeLoader.parse("[text]\nfg = 1\n[sparkles]\nfg = 2\n", name: "y", file: "y.toml")
        }
    }

    @Test func aBadColourNamesTheFileAndLine() throws {
        do throws(ThemeError) {
            _ = try ThemeLoader.parse("[text]\nfg = \"white\"\n[error]\nbg = \"reddish\"\n", name: "x", file: "x.toml")
            Issue.record("no error")
        } catch {
            #expect(error.code == .badColor)
            #expect(error.line == 4)
            #expect(error.description.hasPrefix("x.toml:4: bad colour 'reddish' for error.bg"))
        }
        #expect(throws: ThemeError.self) { try ThemeLoader.parse("[text]\nfg = 256\n", name: "x", file: "x.toml") }
        #expect(throws: ThemeError.self) {
            try ThemeLoader.parse("[text]\nbold = \"yes\"\n", name: "x", file: "x.toml")
        }
    }

    @Test func inlineAndDottedTablesReportTheirLine() {
        do throws(ThemeError) {
            _ = try ThemeLoader.parse("title.fg = 3\ntext = { fg = 1, bgg = 2 }\n", name: "x", file: "x.toml")
            Issue.record("no error")
        } catch {
            #expect(error.line == 2)
            #expect(error.code == .unknownKey)
        }
    }

    @Test func aSyntaxErrorCarriesTOMLKitsLine() {
        do throws(ThemeError) {
            _ = try ThemeLoader.parse("[text]\nfg = \"white\"\nbg = = 3\n", name: "x", file: "x.toml")
            Issue.record("no error")
        } catch {
            #expect(error.code == .syntax)
            #expect(error.line == 3)
        }
    }

    @Test func missingThemesListTheOnesThereAre() {
        do throws(ThemeError) {
            _ = try Theme.load("nope", directories: [Self.themes])
            Issue.record("no error")
        } catch {
            #expect(error.code == .notFound)
            #expect(error.message.contains("light"))
        }
        #expect((try? Theme.load("default", directories: [])) == Theme.standard)
    }

    @Test func aPathLoadsThatFile() throws {
        let theme = try Theme.load(Self.themes.appendingPathComponent("light.toml").path, directories: [])
        #expect(theme.name == "light")
    }

    @Test func coloursParseFromNamesIndexesAndHex() {
        #expect(ThemeColor(name: "default") == .terminalDefault)
        #expect(ThemeColor(name: "red") == .indexed(1))
        #expect(ThemeColor(name: "bright-white") == .indexed(15))
        #expect(ThemeColor(name: "#000000") == .indexed(16))
        #expect(ThemeColor(name: "#ffffff") == .indexed(231))
        #expect(ThemeColor(name: "#808080") == .indexed(244))
        #expect(ThemeColor(name: "bright-pink") == nil)
        #expect(ThemeColor(name: "#12345") == nil)
    }

    @Test func coloursFitSmallerPalettes() {
        #expect(ThemeColor.indexed(9).fitted(toColors: 8) == .indexed(1))
        #expect(ThemeColor.indexed(9).fitted(toColors: 16) == .indexed(9))
        #expect(ThemeColor.indexed(196).fitted(toColors: 8) == .indexed(1))
        #expect(ThemeColor.indexed(196).fitted(toColors: 256) == .indexed(196))
        #expect(ThemeColor.terminalDefault.fitted(toColors: 8) == .terminalDefault)
    }
}

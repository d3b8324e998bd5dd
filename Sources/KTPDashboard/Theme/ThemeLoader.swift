import TOMLKit

/// Parses a theme file: one table per ``StyleRole`` with `fg`, `bg`, `bold`, `underline`, `reverse`.
/// Roles and keys it leaves out keep ``Theme/standard``'s.
enum ThemeLoader {
    static let attributes = ["fg", "bg", "bold", "underline", "reverse"]

    static func parse(_ text: String, name: String, file: String) throws(ThemeError) -> Theme {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ThemeError(.syntax, file: file, line: error.source.begin.line, error.description)
        } catch {
            throw ThemeError(.syntax, file: file, "\(error)")
        }
        let source = ThemeSource(text)
        var theme = Theme.standard
        theme.name = name
        // TOMLKit iterates in key order, not file order: report the error nearest the top of the file.
        var errors: [ThemeError] = []
        for key in table.keys {
            guard let role = StyleRole(rawValue: key) else {
                errors.append(
                    ThemeError(.unknownKey, file: file, line: source.line(of: key, in: nil), "unknown key '\(key)'"))
                continue
            }
            guard let entries = table[key]?.table else {
                errors.append(
                    ThemeError(
                        .badValue, file: file, line: source.line(of: key, in: nil),
                        "'\(key)' must be a table, such as [\(key)] with fg = \"white\""))
                continue
            }
            do throws(ThemeError) {
                theme.styles[role] = try style(entries, role: key, base: theme.style(for: role), source, file)
            } catch {
                errors.append(error)
            }
        }
        if let first = errors.min(by: { ($0.line ?? 0) < ($1.line ?? 0) }) { throw first }
        return theme
    }

    private static func style(
        _ entries: TOMLTable, role: String, base: Style, _ source: ThemeSource, _ file: String
    ) throws(ThemeError) -> Style {
        var style = base
        var errors: [ThemeError] = []
        for key in entries.keys {
            let line = source.line(of: key, in: role)
            let value = entries[key]
            switch key {
            case "fg", "bg":
                guard let color = color(value) else {
                    let shown = value?.string.map { "'\($0)'" } ?? value.map { "\($0.tomlValue)" } ?? "nothing"
                    errors.append(
                        ThemeError(
                            .badColor, file: file, line: line,
                            "bad colour \(shown) for \(role).\(key): use a name (red, bright-red), default, "
                                + "0-255 or #rrggbb"))
                    continue
                }
                if key == "fg" { style.foreground = color } else { style.background = color }
            case "bold", "underline", "reverse":
                guard let flag = value?.bool else {
                    errors.append(
                        ThemeError(.badValue, file: file, line: line, "\(role).\(key) must be true or false"))
                    continue
                }
                switch key {
                case "bold": style.bold = flag
                case "underline": style.underline = flag
                default: style.reverse = flag
                }
            default:
                errors.append(
                    ThemeError(
                        .unknownKey, file: file, line: line,
                        "unknown key '\(key)' in [\(role)] (known: \(attributes.joined(separator: ", ")))"))
            }
        }
        if let first = errors.min(by: { ($0.line ?? 0) < ($1.line ?? 0) }) { throw first }
        return style
    }

    private static func color(_ value: (any TOMLValueConvertible)?) -> ThemeColor? {
        if let index = value?.int {
            return (0...255).contains(index) ? .indexed(UInt8(index)) : nil
        }
        return value?.string.flatMap(ThemeColor.init(name:))
    }
}

/// Finds keys' lines in a TOML text, which TOMLKit does not report.
struct ThemeSource {
    private let lines: [Substring]

    init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The 1-based line that sets `key` in table `table` (or at the top level when `nil`):
    /// `key = ...` under `[table]`, `table.key = ...`, `table = { key = ... }`, or `[key]` for a top-level table.
    func line(of key: String, in table: String?) -> Int? {
        var current: String?
        for (number, raw) in lines.enumerated() {
            let line = raw.drop { $0 == " " || $0 == "\t" }
            if line.hasPrefix("[") {
                current = String(line.dropFirst().prefix { $0 != "]" }).trimmingSpaces
                if table == nil, current == key { return number + 1 }
                continue
            }
            let assigned = String(line.prefix { $0 != "=" }).trimmingSpaces
            if let table {
                if current == table, assigned == key { return number + 1 }
                if current == nil, assigned == "\(table).\(key)" { return number + 1 }
                if current == nil, assigned == table, line.contains(key) { return number + 1 }
            } else if current == nil, assigned == key || assigned.hasPrefix("\(key).") {
                return number + 1
            }
        }
        return nil
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}

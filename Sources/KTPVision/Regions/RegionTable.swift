import Foundation

/// Kemendagri region codes and names, loaded from `wilayah.csv` (`kode,nama`, dotted codes).
///
/// Codes are kept dotted (`32.04.05.2001`); ``RegionCode`` converts from a NIK's digits.
public struct RegionTable: Sendable {
    private var names: [String: String] = [:]
    private var children: [String: [String]] = [:]

    /// Every province code, sorted.
    public private(set) var provinceCodes: [String] = []

    /// Regency and city names without `KABUPATEN` or `KOTA` (`BANDUNG`), the form a birth place is
    /// most often printed in; built once here rather than on every card read.
    public private(set) var placeNames: [String] = []

    /// Builds a table from `(code, name)` rows; parents must come before children or not at all.
    public init(rows: [(code: String, name: String)]) {
        for (code, name) in rows {
            names[code] = name
            if let dot = code.lastIndex(of: ".") {
                children[String(code[..<dot]), default: []].append(code)
            } else {
                provinceCodes.append(code)
            }
        }
        provinceCodes.sort()
        placeNames = Self.placeNames(regencies: provinceCodes.flatMap { children[$0] ?? [] }.compactMap { names[$0] })
    }

    /// Loads the CSV at `path`.
    public static func load(path: String) throws(DataFileError) -> RegionTable {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw DataFileError(.unreadable, path: path, line: nil, detail: "\(error.localizedDescription)")
        }
        return try parse(text, path: path)
    }

    /// Parses CSV text; `path` only names the source in errors. It walks the UTF-8 bytes: splitting 92,000 lines
    /// into grapheme clusters took most of `ktp extract`'s start-up.
    public static func parse(_ text: String, path: String = "<memory>") throws(DataFileError) -> RegionTable {
        var rows: [(code: String, name: String)] = []
        rows.reserveCapacity(92_000)
        var lineNumber = 0
        for raw in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = raw.last == UInt8(ascii: "\r") ? raw.dropLast() : raw
            if line.isEmpty || (lineNumber == 1 && line.starts(with: "kode".utf8)) { continue }
            guard let comma = line.firstIndex(of: UInt8(ascii: ",")) else {
                throw DataFileError(.malformedLine, path: path, line: lineNumber, detail: "no comma")
            }
            let code = String(Substring(line[..<comma]))
            var name = String(Substring(line[line.index(after: comma)...]))
            if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 {
                name = String(name.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
            }
            guard RegionCode.isDotted(code), !name.isEmpty else {
                throw DataFileError(.malformedLine, path: path, line: lineNumber, detail: "bad code '\(code)'")
            }
            rows.append((code, name))
        }
        guard !rows.isEmpty else { throw DataFileError(.empty, path: path, line: nil, detail: "") }
        return RegionTable(rows: rows)
    }

    /// The name as the table spells it, for any level.
    public func name(of code: String) -> String? { names[code] }

    /// The codes one level below `code`, in table order.
    public func children(of code: String) -> [String] { children[code] ?? [] }

    /// How many rows the table holds.
    public var count: Int { names.count }

    /// A province as the card's first header line prints it, after `PROVINSI`: `DKI JAKARTA`.
    public func printedProvince(_ code: String) -> String? {
        guard let name = names[code] else { return nil }
        return Self.printedProvinceName(name)
    }

    /// A regency or city as the card's second header line prints it: `KABUPATEN GOWA`,
    /// `KOTA BANDA ACEH`, or for Jakarta's administrative cities `JAKARTA SELATAN`.
    public func printedRegency(_ code: String) -> String? {
        guard let name = names[code] else { return nil }
        return Self.printedRegencyName(name)
    }

    /// A district or village name as printed: upper case, single-spaced.
    public func printedName(_ code: String) -> String? {
        names[code].map(Self.printed)
    }

    /// Regency names as printed, without their kind word.
    static func placeNames(regencies: [String]) -> [String] {
        regencies.map { regency in
            let name = printedRegencyName(regency)
            let kind = ["KABUPATEN ", "KOTA "].first { name.hasPrefix($0) }
            return kind.map { String(name.dropFirst($0.count)) } ?? name
        }
    }

    static func printedProvinceName(_ name: String) -> String {
        let upper = printed(name)
        if upper.hasPrefix("DAERAH KHUSUS IBUKOTA ") { return "DKI " + upper.dropFirst(22) }
        return upper
    }

    static func printedRegencyName(_ name: String) -> String {
        let upper = printed(name)
        if upper.hasPrefix("KOTA ADMINISTRASI ") { return String(upper.dropFirst(18)) }
        if upper.hasPrefix("KABUPATEN ADMINISTRASI ") { return "KABUPATEN " + upper.dropFirst(23) }
        return upper
    }

    /// Upper case with single spaces: the contract's form of every value.
    public static func printed(_ name: String) -> String {
        name.uppercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

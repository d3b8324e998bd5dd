import Foundation

/// Colours and attributes per ``StyleRole``, from `themes/NAME.toml`.
public struct Theme: Sendable, Equatable {
    public var name: String
    var styles: [StyleRole: Style]

    public init(name: String, styles: [StyleRole: Style]) {
        self.name = name
        self.styles = styles
    }

    public func style(for role: StyleRole) -> Style {
        styles[role] ?? Style()
    }

    /// NAME looks in `directories` for NAME.toml; a path (with a `/` or ending in `.toml`) loads that file.
    /// Partial themes inherit ``standard``; `default` with no file found is ``standard`` itself.
    public static func load(_ nameOrPath: String, directories: [URL]) throws(ThemeError) -> Theme {
        let file: URL
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml") {
            file = URL(fileURLWithPath: nameOrPath)
        } else if let found = directories.map({ $0.appendingPathComponent(nameOrPath + ".toml") })
            .first(where: { FileManager.default.fileExists(atPath: $0.path) })
        {
            file = found
        } else if nameOrPath == "default" {
            return .standard
        } else {
            let known = available(in: directories).joined(separator: ", ")
            throw ThemeError(
                .notFound, file: nameOrPath + ".toml",
                "no theme '\(nameOrPath)' in \(directories.map(\.relativePath).joined(separator: ", "))"
                    + (known.isEmpty ? "" : " (there are: \(known))"))
        }
        let text: String
        do {
            text = try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw ThemeError(.unreadable, file: file.relativePath, "cannot read: \(error.localizedDescription)")
        }
        let name = file.deletingPathExtension().lastPathComponent
        return try ThemeLoader.parse(text, name: name, file: file.relativePath)
    }

    /// The theme names in `directories`, sorted, without duplicates.
    public static func available(in directories: [URL]) -> [String] {
        let names = directories.flatMap { directory in
            ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
                .filter { $0.hasSuffix(".toml") }
                .map { String($0.dropLast(5)) }
        }
        return Array(Set(names)).sorted()
    }
}

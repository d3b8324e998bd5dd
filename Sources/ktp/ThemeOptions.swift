import ArgumentParser
import Foundation
import KTP
import KTPDashboard

/// `--theme NAME|PATH`, looked up in `$KTP_THEMES`, `./themes`, the repository's `themes/` beside the
/// binary, and `$XDG_DATA_HOME/ktp/themes`.
struct ThemeOptions: ParsableArguments {
    @Option(help: "The colour theme: a name from themes/ (default, light, high-contrast, ...) or a .toml path.")
    var theme = "default"

    var directories: [URL] {
        let environment = ProcessInfo.processInfo.environment
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var candidates: [URL] = []
        if let path = environment["KTP_THEMES"] { candidates.append(URL(fileURLWithPath: path)) }
        candidates.append(
            URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("themes"))
        // .build/<triple>/debug/ktp → the repository's themes/.
        var folder = executable.deletingLastPathComponent()
        for _ in 0..<4 {
            folder = folder.deletingLastPathComponent()
            candidates.append(folder.appendingPathComponent("themes"))
        }
        candidates.append(Ledger.dataDirectory().appendingPathComponent("themes"))
        return candidates.filter { FileManager.default.fileExists(atPath: $0.path) }
    }

    func load() throws -> Theme {
        do {
            return try Theme.load(theme, directories: directories)
        } catch {
            throw CLIError("\(error)")
        }
    }
}

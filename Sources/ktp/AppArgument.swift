import ArgumentParser
import Foundation
import KTP
import KTPServer

/// `ID:KEY[:MODE[:QUOTA]]` from the command line.
struct AppArgument: ExpressibleByArgument {
    var id: String
    var key: String
    var mode: ApplicationMode

    init(id: String, key: String, mode: ApplicationMode) {
        self.id = id
        self.key = key
        self.mode = mode
    }

    init?(argument: String) {
        let parts = argument.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard (2...4).contains(parts.count), !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        switch (parts.count > 2 ? parts[2] : "live", parts.count > 3 ? parts[3] : nil) {
        case ("live", nil): mode = .live
        case ("sandbox", nil): mode = .sandbox
        case ("testing", let quota?):
            guard let quota = Int(quota), quota >= 0 else { return nil }
            mode = .testing(quota: quota)
        case ("testing", nil): mode = .testing(quota: 100)
        default: return nil
        }
        (id, key) = (parts[0], parts[1])
    }

    var clientApp: ClientApp { ClientApp(id: id, key: key, mode: mode) }

    /// A fresh live application with a random key.
    static func generated() -> AppArgument {
        func random(_ count: Int) -> String {
            (0..<count).map { _ in String("0123456789abcdef".randomElement()!) }.joined()
        }
        return AppArgument(id: "app-" + random(8), key: random(40), mode: .live)
    }

    static var defaultValueDescription: String { "ID:KEY[:MODE[:QUOTA]]" }
}

/// A duration such as `90s`, `30m`, `12h` or `7d`, or `0`.
struct DurationArgument: ExpressibleByArgument {
    var duration: Duration

    init(_ duration: Duration) {
        self.duration = duration
    }

    var defaultValueDescription: String {
        let seconds = duration.components.seconds
        return seconds > 0 && seconds % 86_400 == 0 ? "\(seconds / 86_400)d" : "\(seconds)s"
    }

    init?(argument: String) {
        if argument == "0" {
            duration = .zero
            return
        }
        guard let unit = argument.last, let value = Int(argument.dropLast()), value >= 0 else { return nil }
        let seconds: Int
        switch unit {
        case "s": seconds = value
        case "m": seconds = value * 60
        case "h": seconds = value * 3600
        case "d": seconds = value * 86_400
        default: return nil
        }
        duration = .seconds(seconds)
    }
}

/// Where `ktp` keeps its files: the SDK's data directory (`$XDG_DATA_HOME/ktp`, else `~/.local/share/ktp`).
enum DataDirectory {
    static func file(_ name: String) throws -> String {
        let directory = Ledger.dataDirectory()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw CLIError("cannot create \(directory.path): \(error.localizedDescription)")
        }
        return directory.appendingPathComponent(name).path
    }
}

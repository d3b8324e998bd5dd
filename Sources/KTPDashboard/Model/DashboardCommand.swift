import Foundation

/// A `:` command line, parsed.
enum DashboardCommand: Equatable {
    case theme(String)
    /// Seconds as typed; the floor of 1 s is applied when it runs.
    case refresh(Int)
    case exportCSV(path: String)
    case help
    case quit

    static let usage = ":theme NAME, :refresh SECONDS, :export csv PATH, :help, :q"

    static func parse(_ line: String) throws(CommandError) -> DashboardCommand {
        let words = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard let verb = words.first.map(String.init) else { throw .empty }
        let argument = words.count > 1 ? words[1].trimmingCharacters(in: .whitespaces) : ""
        switch verb {
        case "theme":
            guard !argument.isEmpty else { throw .missingArgument(usage: ":theme NAME") }
            return .theme(argument)
        case "refresh":
            guard !argument.isEmpty else { throw .missingArgument(usage: ":refresh SECONDS") }
            guard let seconds = Int(argument) else { throw .notANumber(argument) }
            return .refresh(seconds)
        case "export":
            let parts = argument.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
            guard parts.count == 2 else { throw .missingArgument(usage: ":export csv PATH") }
            guard parts[0] == "csv" else { throw .unsupportedFormat(String(parts[0])) }
            return .exportCSV(path: parts[1].trimmingCharacters(in: .whitespaces))
        case "help", "h": return .help
        case "q", "quit": return .quit
        default: throw .unknown(verb)
        }
    }
}

/// Why a command line did not parse.
enum CommandError: Error, Equatable {
    case empty
    case unknown(String)
    case missingArgument(usage: String)
    case notANumber(String)
    case unsupportedFormat(String)

    var message: String {
        switch self {
        case .empty: "type a command: \(DashboardCommand.usage)"
        case .unknown(let verb): "unknown command '\(verb)': try \(DashboardCommand.usage)"
        case .missingArgument(let usage): "usage: \(usage)"
        case .notANumber(let text): "'\(text)' is not a number of seconds"
        case .unsupportedFormat(let format): "cannot export '\(format)': only csv"
        }
    }
}

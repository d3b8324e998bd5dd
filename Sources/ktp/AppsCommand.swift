import ArgumentParser
import Foundation
import KTPServer

struct AppsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apps",
        abstract: "Manage the applications the service accepts.",
        subcommands: [Add.self, List.self, Remove.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an application, or replace one with the same id.")

        @Argument(help: "The App-ID.")
        var id: String

        @Option(help: "The API key. Default: a new random key, printed once.")
        var key: String?

        @Option(help: "live, testing or sandbox.")
        var mode = "live"

        @Option(help: "Extractions allowed in testing mode.")
        var quota = 100

        @OptionGroup var database: DatabaseOption

        func validate() throws {
            guard ["live", "testing", "sandbox"].contains(mode) else {
                throw ValidationError("--mode must be live, testing or sandbox")
            }
            guard quota >= 0 else { throw ValidationError("--quota must not be negative") }
            guard !id.isEmpty, !id.contains(":") else {
                throw ValidationError("the App-ID must be non-empty, with no ':'")
            }
        }

        var applicationMode: ApplicationMode {
            switch mode {
            case "testing": .testing(quota: quota)
            case "sandbox": .sandbox
            default: .live
            }
        }

        func run() async throws {
            let key = self.key ?? AppArgument.generated().key
            let store = try await database.open()
            try await store.save(ClientApp(id: id, key: key, mode: applicationMode))
            Diagnostics.say(
                self.key == nil
                    ? "added \(id) (\(self.mode)); its API key, shown only now: \(key)"
                    : "added \(id) (\(self.mode))")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List applications (keys are stored hashed).")

        @OptionGroup var database: DatabaseOption

        func run() async throws {
            let store = try await database.open()
            for app in try await store.applications() {
                let quota = app.mode.quotaRemaining.map { " \($0) left" } ?? ""
                Diagnostics.say("\(app.id)\t\(app.mode.name)\(quota)")
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove an application.")

        @Argument(help: "The App-ID.")
        var id: String

        @OptionGroup var database: DatabaseOption

        func run() async throws {
            let store = try await database.open()
            guard try await store.removeApplication(id: id) else { throw CLIError("no application \(id)") }
            Diagnostics.say("removed \(id)")
        }
    }
}

import ArgumentParser
import Foundation
import KTPServer

struct CallbacksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "callbacks",
        abstract: "Show every delivery attempt of a submission's callback."
    )

    @Argument(help: "The reference_id.")
    var referenceID: String

    @Option(name: .customLong("app"), help: "The App-ID. Default: every application with this reference_id.")
    var appID: String?

    @OptionGroup var database: DatabaseOption

    func run() async throws {
        let store = try await database.open()
        var apps = appID.map { [$0] } ?? []
        if apps.isEmpty { apps = try await store.applications().map(\.id) }
        var found = false
        for app in apps {
            guard let record = try await store.callbacks(applicationID: app, referenceID: referenceID) else { continue }
            found = true
            Diagnostics.say(
                "\(app) \(record.referenceID) → \(record.url): \(record.state.rawValue), "
                    + "\(record.attempts.count) attempt(s)")
            let format = ISO8601DateFormatter()
            for (index, attempt) in record.attempts.enumerated() {
                let outcome = attempt.httpStatus.map { "HTTP \($0)" } ?? (attempt.error ?? "no answer")
                Diagnostics.say(
                    "  \(index + 1). \(format.string(from: attempt.at))  \(attempt.latencyMilliseconds) ms  "
                        + outcome)
            }
        }
        guard found else { throw CLIError("no callback for \(referenceID)") }
    }
}

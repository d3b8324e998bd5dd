import ArgumentParser
import Foundation
import KTP

struct ResultCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "result",
        abstract: "Read a submission's result from the server, and update the ledger with it."
    )

    @Argument(help: "The reference_id.")
    var referenceID: String

    @Flag(help: "Print the result body as JSON.")
    var json = false

    @Flag(help: "Show the NIK and name in full; the ledger records that you did.")
    var reveal = false

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        try await connection.using(show)
    }

    private func show(_ opened: Connection) async throws {
        let entry = try await opened.ledger.submission(
            referenceID: referenceID, api: opened.client.api, appID: opened.client.appID)
        var body: ResultBody
        do {
            body = try await opened.client.result(referenceID: referenceID)
        } catch {
            throw CLIError("\(referenceID): \(error.code) (\(error.errorCode?.explanation ?? error.message))")
        }
        if let entry {
            try await opened.ledger.recordPoll(entry.id, outcome: .success(body), nextPollAt: Date())
            if reveal { try await opened.ledger.recordReveal(entry.id, by: "ktp result --reveal") }
        }
        if json {
            if !reveal { body = body.masked() }
            Diagnostics.say(String(decoding: try ResultBody.makeEncoder(pretty: true).encode(body), as: UTF8.self))
        } else {
            Diagnostics.say("reference   \(referenceID)")
            Diagnostics.say(CardPrinter(reveal: reveal).render(body))
        }
    }
}

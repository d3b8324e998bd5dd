import ArgumentParser
import Foundation
import KTP

struct LedgerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "List the submissions in the local ledger, newest first."
    )

    @Option(help: "Only this state: pending, complete or failed.")
    var status: SubmissionState?

    @Option(help: "Only this error code, e.g. KTP_NOT_DETECTED.")
    var error: ErrorCode?

    @Option(help: "Only entries whose reference_id, NIK, name or error code contains this text.")
    var text: String?

    @Option(help: "At most this many entries.")
    var limit: Int?

    @Flag(help: "Print JSON.")
    var json = false

    @OptionGroup var ledger: LedgerOption

    func run() async throws {
        let ledger = try self.ledger.open()
        let entries = try await ledger.submissions(
            matching: LedgerFilter(state: status, errorCode: error, text: text, limit: limit))
        let printer = SubmissionPrinter()
        if json {
            Diagnostics.say(try printer.json(entries))
            return
        }
        Diagnostics.say(SubmissionPrinter.header)
        entries.forEach { Diagnostics.say(printer.line($0)) }
        Diagnostics.note("\(entries.count) entries in \(ledger.path)")
    }
}

extension SubmissionState: ExpressibleByArgument {}
extension ErrorCode: ExpressibleByArgument {}

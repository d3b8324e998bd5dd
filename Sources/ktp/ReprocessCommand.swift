import ArgumentParser
import Foundation
import KTP

struct ReprocessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reprocess",
        abstract: "Submit photos again as <reference_id>-r<n>, recording the lineage in the ledger."
    )

    @Argument(help: "The reference_ids to reprocess.")
    var referenceIDs: [String] = []

    @Flag(help: "Reprocess every failed submission (narrow it with --error).")
    var failed = false

    @Option(help: "With --failed: only this error code.")
    var error: ErrorCode?

    @Flag(inversion: .prefixedNo, help: "Turn validate_quality on (or off) for the new submissions.")
    var validateQuality: Bool?

    @OptionGroup(title: "Photo retention") var photoRetention: PhotoRetentionOptions
    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        guard referenceIDs.isEmpty != !failed else {
            throw ValidationError("give reference_ids or --failed, not both and not neither")
        }
        guard error == nil || failed else { throw ValidationError("--error goes with --failed") }
    }

    func run() async throws {
        try await connection.using(reprocess)
    }

    private func reprocess(_ opened: Connection) async throws {
        let submitter = Submitter(
            client: opened.client, ledger: opened.ledger, photoRetention: photoRetention.retention)
        var originals: [Submission] = []
        if failed {
            originals = try await opened.ledger.submissions(matching: LedgerFilter(state: .failed, errorCode: error))
                .filter { $0.api == opened.client.api && $0.appID == opened.client.appID }
        }
        for referenceID in referenceIDs {
            guard
                let entry = try await opened.ledger.submission(
                    referenceID: referenceID, api: opened.client.api, appID: opened.client.appID)
            else { throw CLIError("\(referenceID) is not in the ledger for \(opened.client.api)") }
            originals.append(entry)
        }
        if originals.isEmpty { return Diagnostics.note("nothing to reprocess") }
        let tracker = Tracker(client: opened.client, ledger: opened.ledger)
        let tracking = Task { try await tracker.run() }
        defer { tracking.cancel() }
        var entries: [Submission] = []
        var problems = 0
        for (index, original) in originals.enumerated() {
            do {
                entries.append(try await submitter.reprocess(original, validateQuality: validateQuality))
                Diagnostics.progress("reprocessed \(index + 1)/\(originals.count)  \(original.referenceID)")
            } catch {
                problems += 1
                Diagnostics.progress("", done: false)
                Diagnostics.note("\(original.referenceID): \(error)")
            }
        }
        Diagnostics.progress("reprocessed \(entries.count)/\(originals.count)", done: true)
        if opened.embedded != nil {
            Diagnostics.note("waiting for the results: the embedded service stops soon after ktp does")
            entries = try await ResultWaiter.wait(for: entries, tracker: tracker)
        }
        let printer = SubmissionPrinter()
        Diagnostics.say(SubmissionPrinter.header)
        entries.forEach { Diagnostics.say(printer.line($0) + "  (from \($0.reprocessOf ?? "?"))") }
        if problems > 0 { throw CLIError("\(problems) of \(originals.count) could not be reprocessed") }
    }
}

import ArgumentParser
import Foundation
import KTP

struct SubmitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Submit KTP photos (files or https URLs) and record them in the ledger."
    )

    @Argument(
        help: "Photos: JPEG or PNG files, https:// URLs, or sandbox:CODE for a sandbox application.",
        completion: .file())
    var photos: [String]

    @Flag(help: "Fail an extraction with FAIL_ON_1 when a blur, dark or flashlight flag is set.")
    var validateQuality = false

    @Flag(help: "Ask the server to call back; results arrive at a receiver this command runs while it waits.")
    var callback = false

    @Option(help: "Where the callback receiver listens, HOST:PORT.")
    var listen = "127.0.0.1:0"

    @Option(help: "The public https URL the server should call back, when it differs from --listen.")
    var callbackURL: String?

    @Flag(help: "Wait until every photo has a final result.")
    var wait = false

    @Flag(help: "Print the ledger entries as JSON.")
    var json = false

    @OptionGroup(title: "Photo retention") var photoRetention: PhotoRetentionOptions

    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        guard !photos.isEmpty else { throw ValidationError("give at least one photo") }
    }

    func run() async throws {
        try await connection.using(submitAll)
    }

    private func submitAll(_ opened: Connection) async throws {
        let waits = wait || callback || opened.embedded != nil
        if !wait && waits {
            Diagnostics.note(
                callback
                    ? "waiting for the results: the callback receiver lives only while ktp runs"
                    : "waiting for the results: the embedded service stops soon after ktp does")
        }
        var tracker = Tracker(client: opened.client, ledger: opened.ledger)
        if callback { tracker.configuration.receiver = try receiver() }
        let (port, portSignal) = AsyncStream.makeStream(of: Int.self)
        let tracking = Task { [tracker] in if waits { try await tracker.run { portSignal.yield($0) } } }
        defer { tracking.cancel() }
        var callbackTarget: String?
        if callback, var receiver = tracker.configuration.receiver {
            for await bound in port {
                receiver.port = bound
                break
            }
            callbackTarget = receiver.url
        }
        let submitter = Submitter(
            client: opened.client, ledger: opened.ledger, photoRetention: photoRetention.retention)
        var entries: [Submission] = []
        var unreadable = 0
        for (index, photo) in photos.enumerated() {
            let source = Self.photo(photo)
            let options = SubmitOptions(callbackURL: callbackTarget, validateQuality: validateQuality)
            do {
                let entry = try await submitter.submit(source, options: options)
                entries.append(entry)
                let refused = entry.state == .failed ? " refused: \(entry.errorCode?.rawValue ?? "?")" : ""
                Diagnostics.progress("submitted \(index + 1)/\(photos.count)  \(entry.referenceID)\(refused)")
            } catch let error as KTPError where error.code == .photoUnreadable {
                unreadable += 1
                Diagnostics.progress("", done: false)
                Diagnostics.note(error.message)
            }
        }
        Diagnostics.progress("submitted \(entries.count)/\(photos.count)", done: true)
        if waits { entries = try await ResultWaiter.wait(for: entries, tracker: tracker) }
        try print(entries)
        if unreadable > 0 { throw CLIError("\(unreadable) of \(photos.count) photos could not be read") }
    }

    private func print(_ entries: [Submission]) throws {
        let printer = SubmissionPrinter()
        if json {
            Diagnostics.say(try printer.json(entries))
        } else {
            Diagnostics.say(SubmissionPrinter.header)
            entries.forEach { Diagnostics.say(printer.line($0)) }
        }
    }

    static func photo(_ argument: String) -> Photo {
        if argument.hasPrefix("https://") || argument.hasPrefix("http://") { return .url(argument) }
        if argument.hasPrefix("sandbox:") { return .sandboxCode(String(argument.dropFirst("sandbox:".count))) }
        return .file(argument)
    }

    private func receiver() throws -> Tracker.Receiver {
        let parts = listen.split(separator: ":")
        guard parts.count == 2, let port = Int(parts[1]), (0...65_535).contains(port) else {
            throw CLIError("--listen must be HOST:PORT, e.g. 127.0.0.1:8090")
        }
        return Tracker.Receiver(host: String(parts[0]), port: port, publicURL: callbackURL)
    }
}

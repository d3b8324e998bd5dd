import Crypto
import Foundation

/// Submits photos through a client and records each one in the ledger first, so nothing is lost.
///
/// A refusal by the server is not thrown: it comes back as a failed ``Submission`` with its error code,
/// so that a batch goes on. Local problems (an unreadable photo, the ledger) throw.
public struct Submitter: Sendable {
    public let client: KTPClient
    public let ledger: Ledger
    /// How long the ledger keeps each photo for reprocessing: by default until it succeeds, and seven days
    /// after a failure.
    public var photoRetention: PhotoRetention
    /// Where the service delivers results of submissions that name no `callback_url` themselves: the receiver
    /// of a tracker in this process. Sent, not recorded: a reprocessing later names its own session's receiver.
    public var callbackURL: String?
    /// The tracker's schedule: the first poll is due `first` after the submit's answer.
    public var pollSchedule: PollSchedule

    public init(
        client: KTPClient, ledger: Ledger, photoRetention: PhotoRetention = PhotoRetention(),
        callbackURL: String? = nil, pollSchedule: PollSchedule = PollSchedule()
    ) {
        self.client = client
        self.ledger = ledger
        self.photoRetention = photoRetention
        self.callbackURL = callbackURL
        self.pollSchedule = pollSchedule
    }

    /// Submits one photo and returns its ledger entry after the server's answer.
    public func submit(_ photo: Photo, options: SubmitOptions = SubmitOptions()) async throws -> Submission {
        try await submit(photo, options: options, reprocessOf: nil)
    }

    func submit(_ photo: Photo, options: SubmitOptions, reprocessOf: String?) async throws -> Submission {
        var options = options
        let generated = options.referenceID == nil
        let referenceID = options.referenceID ?? ReferenceID.generate()
        options.referenceID = referenceID
        let bytes = try photo.loadedBytes()
        let digest = bytes.map { SHA256.hash(data: $0).map { String(format: "%02x", $0) }.joined() }
        var photoURL: String?
        if case .url(let text) = photo { photoURL = text }
        if case .sandboxCode(let text) = photo { photoURL = text }
        let entry = try await ledger.insert(
            NewSubmission(
                api: client.api, appID: client.appID, referenceID: referenceID, options: options,
                photoSHA256: digest, photoURL: photoURL, reprocessOf: reprocessOf, keptPhoto: bytes,
                photoRetention: photoRetention))
        let image = try photo.wireValue()
        var sent = options
        sent.callbackURL = options.callbackURL ?? callbackURL
        let outcome: Result<Acceptance, KTPError>
        do {
            outcome = .success(try await client.submit(image: image, options: sent, generatedID: generated))
        } catch {
            outcome = .failure(error)
        }
        try await ledger.recordSubmit(entry.id, outcome: outcome, firstPoll: pollSchedule.first)
        return try await ledger.submission(id: entry.id) ?? entry
    }
}

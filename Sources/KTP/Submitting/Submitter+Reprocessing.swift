import Foundation

extension Submitter {
    /// Submits a submission's photo again as `<root>-r<n>`, optionally with `validate_quality` flipped.
    /// The new entry names its origin, and the origin's timeline names the new one.
    public func reprocess(_ original: Submission, validateQuality: Bool? = nil) async throws -> Submission {
        guard original.api == client.api, original.appID == client.appID else {
            throw LedgerError(
                .notFound, "\(original.referenceID) was sent to \(original.api) as \(original.appID), not here")
        }
        let photo: Photo
        if let url = original.photoURL {
            photo = url.contains("://") ? .url(url) : .sandboxCode(url)
        } else if let sha = original.photoSHA256, let bytes = try await ledger.photo(sha256: sha) {
            photo = .bytes(bytes)
        } else {
            throw LedgerError(
                .photoNotKept,
                "the photo of \(original.referenceID) is no longer kept (photo retention: --keep-photos)")
        }
        var options = original.options
        if let validateQuality {
            options.validateQuality = validateQuality
            if validateQuality { options.isQuality = true }
        }
        let root = ReferenceID.root(of: original.referenceID)
        let number = try await ledger.nextReprocessNumber(root: root, api: client.api, appID: client.appID)
        options.referenceID = ReferenceID.reprocessing(root, number: number)
        return try await submit(photo, options: options, reprocessOf: original.referenceID)
    }

    /// Reprocesses every submission matching `filter`, one after another; returns the new entries.
    public func reprocess(
        matching filter: LedgerFilter, validateQuality: Bool? = nil,
        progress: @Sendable (Int, Int) -> Void = { _, _ in }
    ) async throws -> [Submission] {
        let originals = try await ledger.submissions(matching: filter).filter {
            $0.api == client.api && $0.appID == client.appID
        }
        var done: [Submission] = []
        for (index, original) in originals.enumerated() {
            done.append(try await reprocess(original, validateQuality: validateQuality))
            progress(index + 1, originals.count)
        }
        return done
    }
}

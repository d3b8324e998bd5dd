import Foundation
import Hummingbird
import KTPContract

extension ExtractionAPI {
    func submit(_ request: Request) async throws -> Response {
        let body = try await Self.body(of: request)
        let app = try await authenticate(request)
        try rateLimiter.admit(app.id)
        let submit = try validator.validate(body: body).get()
        let isSandbox = app.mode == .sandbox
        if isSandbox, let id = submit.referenceID, let error = Sandbox.submitReferenceID(id) { throw error }
        let referenceID = submit.referenceID ?? "ktp-" + UUID().uuidString.lowercased()
        // Check 7, then 8, read-only here; both are enforced again atomically when the job is stored.
        if try await jobs.exists(applicationID: app.id, referenceID: referenceID) {
            throw ContractError(.invalidPayloadReferenceIDExists, "the reference_id was used before")
        }
        if let remaining = app.mode.quotaRemaining, remaining <= 0 {
            throw ContractError(.insufficientQuota, status: 403, "the testing quota is spent")
        }
        var job = NewJob(
            applicationID: app.id, referenceID: referenceID,
            options: JobOptions(
                isQuality: submit.isQuality, validateQuality: submit.validateQuality,
                callbackURL: submit.callbackURL),
            submittedAt: Date())
        if isSandbox {
            _ = try Sandbox.image(submit.image).get()
            job.sandboxImage = submit.image
        } else if Self.isURL(submit.image) {
            guard let fetcher else {
                throw ContractError(.invalidPayloadImageFormat, "image URLs are not fetched here")
            }
            let bytes = try await fetcher.fetch(submit.image).get()
            job.image = try ImageIntake.accept(bytes: bytes).get().bytes
        } else {
            job.image = try ImageIntake.accept(base64: submit.image).get().bytes
        }
        do {
            _ = try await jobs.enqueue(job)
        } catch {
            throw Self.contractError(for: error)
        }
        logger.info("accepted", metadata: ["app": "\(app.id)", "reference_id": "\(referenceID)"])
        return Self.json(AcceptedBody(data: .init(referenceID: referenceID)), status: 200)
    }

    /// Whether `image` is a URL rather than base64; reads the first bytes only, as `image` is
    /// usually a megabyte of base64.
    static func isURL(_ image: String) -> Bool {
        let scheme = String(decoding: image.utf8.prefix(8), as: UTF8.self).lowercased()
        return scheme.hasPrefix("https://") || scheme.hasPrefix("http://")
    }

    /// The store's refusals that the contract names; anything else stays an internal error.
    static func contractError(for error: StoreError) -> any Error {
        switch error.code {
        case .referenceIDExists: ContractError(.invalidPayloadReferenceIDExists, "the reference_id was used before")
        case .quotaSpent: ContractError(.insufficientQuota, status: 403, "the testing quota is spent")
        case .unknownApplication, .database: error
        }
    }
}

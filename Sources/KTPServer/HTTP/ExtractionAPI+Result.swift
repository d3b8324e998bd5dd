import Foundation
import Hummingbird
import KTPContract

extension ExtractionAPI {
    func result(_ request: Request) async throws -> Response {
        let app = try await authenticate(request)
        var referenceID = request.uri.queryParameters.get("reference_id")
        if referenceID?.isEmpty ?? true {
            // A JSON body with reference_id is accepted too.
            let body = try await Self.body(of: request)
            let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]
            referenceID = object?["reference_id"] as? String
        }
        guard let referenceID, !referenceID.isEmpty else {
            throw ContractError(.invalidPayloadReferenceIDNotFound, status: 404, "reference_id is missing")
        }
        guard ReferenceID.lengths.contains(referenceID.count) else {
            throw ContractError(.invalidPayloadReferenceID, "reference_id must be 6 to 64 characters")
        }
        let isSandbox = app.mode == .sandbox
        if isSandbox {
            switch Sandbox.lookup(referenceID: referenceID) {
            case .error(let error):
                throw error
            case .result(let image, let validate):
                let now = Date()
                return Self.json(
                    Sandbox.resultBody(
                        referenceID: referenceID, image: image, isQuality: true,
                        validateQuality: validate, submittedAt: now, completedAt: now),
                    status: 200)
            case .notACode:
                break
            }
        }
        guard let job = try await jobs.job(applicationID: app.id, referenceID: referenceID) else {
            throw isSandbox
                ? ContractError(.invalidSandboxCode, "not a sandbox code")
                : ContractError(.invalidPayloadReferenceIDNotFound, status: 404, "no such reference_id")
        }
        return Self.json(job.resultBody, status: 200)
    }

    /// Every delivery attempt of a submission's callback (ours).
    func callbacks(_ request: Request) async throws -> Response {
        let app = try await authenticate(request)
        guard let referenceID = request.uri.queryParameters.get("reference_id"), !referenceID.isEmpty,
            let record = try await jobs.callbacks(applicationID: app.id, referenceID: referenceID)
        else {
            throw ContractError(.invalidPayloadReferenceIDNotFound, status: 404, "no callback for that reference_id")
        }
        return Self.json(CallbacksBody(data: record), status: 200)
    }
}

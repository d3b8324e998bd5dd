import Foundation
import KTPContract

extension Extraction {
    /// The contract's result body for this extraction: `SUCCESS` with the fields, or `FAILED`
    /// with `KTP_NOT_DETECTED`, or `FAIL_ON_1` when `validateQuality` is on and a flag fails it.
    /// Detection comes first, as the contract says.
    public func resultBody(
        referenceID: String, isQuality: Bool = true, validateQuality: Bool = false,
        submittedAt: Date, completedAt: Date
    ) -> ResultBody {
        var data = ExtractionResult(
            referenceID: referenceID, status: .success, imageQuality: isQuality ? quality : nil,
            submittedAt: submittedAt, completedAt: completedAt
        )
        let failure: ErrorCode? =
            switch outcome {
            case .notDetected: .ktpNotDetected
            case .ktp where validateQuality && quality.failsValidation: .failOn1
            case .ktp: nil
            }
        if let failure {
            data.status = .failed
            return ResultBody(errorCode: failure, data: data)
        }
        if let card {
            data.fields = card.fields
            data.confidence = card.confidence
        }
        return ResultBody(data: data)
    }
}

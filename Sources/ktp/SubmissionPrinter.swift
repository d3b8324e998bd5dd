import Foundation
import KTP

/// Submissions as terminal lines or JSON, with the NIK and name masked unless revealed.
struct SubmissionPrinter {
    var reveal = false

    static let header =
        "STATE     REFERENCE_ID                      AGE     TOOK   NIK               NAME                 "
        + "FLAGS  ERROR"

    func line(_ submission: Submission, now: Date = Date()) -> String {
        let fields = submission.result?.data.fields
        let nik = fields.map { reveal ? $0[.nik] : Masking.maskNIK($0[.nik]) } ?? ""
        let name = fields.map { reveal ? $0[.fullName] : Masking.maskName($0[.fullName]) } ?? ""
        let took = submission.processingTime.map { String(format: "%.1fs", $0) } ?? "-"
        return [
            pad(submission.state.rawValue, 9), pad(submission.referenceID, 33),
            pad(Self.age(now.timeIntervalSince(submission.submittedAt)), 7), pad(took, 6), pad(nik, 17),
            pad(String(name.prefix(20)), 20), pad(submission.quality?.conditionCode ?? "", 6),
            submission.errorCode?.rawValue ?? "",
        ].joined(separator: " ")
    }

    func json(_ submissions: [Submission]) throws -> String {
        let encoder = ResultBody.makeEncoder(pretty: true)
        let data = try encoder.encode(submissions.map { SubmissionJSON($0, reveal: reveal) })
        return String(decoding: data, as: UTF8.self)
    }

    static func age(_ seconds: TimeInterval) -> String {
        switch seconds {
        case ..<60: "\(Int(seconds))s"
        case ..<3600: "\(Int(seconds / 60))m"
        case ..<86_400: "\(Int(seconds / 3600))h"
        default: "\(Int(seconds / 86_400))d"
        }
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}

/// One ledger entry in `--json` output.
struct SubmissionJSON: Encodable {
    var referenceID: String
    var state: SubmissionState
    var errorCode: ErrorCode?
    var submittedAt: Date
    var completedAt: Date?
    var reprocessOf: String?
    var result: ResultBody?

    init(_ submission: Submission, reveal: Bool) {
        referenceID = submission.referenceID
        state = submission.state
        errorCode = submission.errorCode
        submittedAt = submission.submittedAt
        completedAt = submission.completedAt
        reprocessOf = submission.reprocessOf
        result = reveal ? submission.result : submission.result?.masked()
    }

    enum CodingKeys: String, CodingKey {
        case referenceID = "reference_id"
        case state
        case errorCode = "error_code"
        case submittedAt = "submitted_at"
        case completedAt = "completed_at"
        case reprocessOf = "reprocess_of"
        case result
    }
}

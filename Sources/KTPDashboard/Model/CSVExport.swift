import Foundation
import KTP

/// The `:export csv` text: RFC 4180, one line per row, personal data always masked.
/// Hand-written because it is a dozen lines and keeps the module free of a CSV dependency.
enum CSVExport {
    static let header = [
        "id", "reference_id", "state", "error_code", "submitted_at", "completed_at", "processing_seconds",
        "nik_masked", "name_masked", "quality", "reprocess_of",
    ]

    static func text(_ rows: [SubmissionSummary]) -> String {
        var lines = [header.joined(separator: ",")]
        lines.reserveCapacity(rows.count + 1)
        for row in rows {
            let fields = [
                String(row.id), row.referenceID, row.state.rawValue, row.errorCode?.rawValue ?? "",
                timestamp(row.submittedAt), row.completedAt.map(timestamp) ?? "",
                row.processingTime.map { String(format: "%.3f", $0) } ?? "",
                row.nik.map(Masking.maskNIK) ?? "", row.fullName.map(Masking.maskName) ?? "",
                row.quality?.conditionCode ?? "", row.reprocessOf ?? "",
            ]
            lines.append(fields.map(quoted).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    private static func quoted(_ field: String) -> String {
        let flat = field.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
        guard flat.contains(where: { $0 == "," || $0 == "\"" }) else { return flat }
        return "\"" + flat.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

import Foundation
import KTPContract
import KTPVision

/// Renders a result as a readable card for a terminal, masking personal data unless revealed.
struct CardPrinter {
    var reveal: Bool

    /// The card as the engine read it, with its warnings and stage timings.
    func render(_ body: ResultBody, extraction: Extraction) -> String {
        var lines = [render(body)]
        for warning in extraction.card?.warnings ?? [] { lines.append("warning: \(warning.code.rawValue)") }
        let t = extraction.timings
        lines.append("")
        lines.append(
            String(
                format: "time        %.0f ms (decode %.0f, locate %.0f, quality %.0f, ocr %.0f, parse %.0f)",
                t.total * 1000, t.decode * 1000, t.locate * 1000, t.quality * 1000, t.ocr * 1000,
                t.parse * 1000))
        return lines.joined(separator: "\n")
    }

    /// A result body as any contract server gives it.
    func render(_ body: ResultBody) -> String {
        var lines: [String] = []
        let data = body.data
        lines.append("status      \(data.status.rawValue)" + (body.errorCode.map { "  \($0.rawValue)" } ?? ""))
        if let code = body.errorCode { lines.append("            \(code.explanation)") }
        if let quality = data.imageQuality {
            let flags = [
                ("blur", quality.blur), ("dark", quality.dark), ("flashlight", quality.flashlight),
                ("grayscale", quality.grayscale),
            ]
            lines.append("quality     " + flags.map { "\($0.0) \($0.1 ? "yes" : "no")" }.joined(separator: ", "))
        }
        if let fields = data.fields {
            lines.append("")
            let width = FieldKey.allCases.map(\.cardLabel.count).max() ?? 0
            for key in FieldKey.allCases {
                let value = reveal ? fields[key] : Masking.mask(fields[key], for: key)
                let confidence = data.confidence?[key].map { String(format: "%3.0f%%", $0 * 100) } ?? ""
                let label = key.cardLabel.padding(toLength: width, withPad: " ", startingAt: 0)
                lines.append("\(label)  \(confidence)  \(value.isEmpty ? "—" : value)")
            }
        }
        if let submitted = data.submittedAt {
            lines.append("")
            let completed = data.completedAt.map { "  completed \($0.formatted(.iso8601))" } ?? ""
            lines.append("submitted   \(submitted.formatted(.iso8601))\(completed)")
        }
        return lines.joined(separator: "\n")
    }
}

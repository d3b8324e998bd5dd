import Foundation
import KTPContract

/// The benchmark's tables, per condition and overall, as Markdown.
public struct BenchmarkReport: Sendable {
    public var summaries: [BenchmarkSummary]
    public var overall: BenchmarkSummary

    /// Groups samples by condition, in a fixed order: clean, the flag codes, then negatives.
    public init(samples: [BenchmarkSample]) {
        let order = ["clean", "B", "D", "F", "G", "BD", "BF", "BG", "DG", "FG"]
        let groups = Dictionary(grouping: samples) { $0.condition.hasPrefix("negative") ? "negatives" : $0.condition }
        let names = groups.keys.sorted { a, b in
            (order.firstIndex(of: a) ?? order.count, a) < (order.firstIndex(of: b) ?? order.count, b)
        }
        summaries = names.map { BenchmarkSummary(name: $0, samples: groups[$0] ?? []) }
        overall = BenchmarkSummary(name: "all", samples: samples)
    }

    public func markdown() -> String {
        var out =
            "| condition | photos | NIK exact | field exact | detection | blur P/R | dark P/R | flash P/R "
            + "| gray P/R | median ms | p90 ms | tesseract ms | ratio | tesseract 1-thread ms | ratio |\n"
        out += "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n"
        for summary in summaries + [overall] {
            let flags = QualityFlag.allCases.map { flag in
                let pr = summary.flags[flag]
                return "\(Self.percent(pr?.precision, digits: 0))/\(Self.percent(pr?.recall, digits: 0))"
            }
            let cells =
                [
                    summary.name == "all" ? "**all**" : summary.name, "\(summary.photos)",
                    Self.percent(summary.nikExact), Self.percent(summary.meanFieldExact),
                    Self.percent(summary.detectionAccuracy)
                        + (summary.falseAccepts > 0 ? " (\(summary.falseAccepts) FA)" : ""),
                ] + flags + [
                    Self.milliseconds(summary.medianSeconds), Self.milliseconds(summary.p90Seconds),
                    summary.baselineMedianSeconds.map(Self.milliseconds) ?? "–",
                    summary.timeRatio.map { String(format: "%.2f", $0) } ?? "–",
                    summary.singleThreadBaselineMedianSeconds.map(Self.milliseconds) ?? "–",
                    summary.singleThreadTimeRatio.map { String(format: "%.2f", $0) } ?? "–",
                ]
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        out +=
            "\nF1 over all photos: "
            + QualityFlag.allCases.map { flag in
                "\(flag.rawValue) \(overall.flags[flag]?.f1.map { String(format: "%.3f", $0) } ?? "–")"
            }.joined(separator: ", ") + "\n"
        out +=
            "\nCounting fields washed out by glare as misses: NIK exact "
            + "\(Self.percent(overall.nikExactCountingWashedOut)), mean field exact "
            + "\(Self.percent(overall.meanFieldExactCountingWashedOut))\n"
        out +=
            "\n| field | " + summaries.map(\.name).filter { $0 != "negatives" }.joined(separator: " | ") + " | all |\n"
        out += "|---|" + String(repeating: "--:|", count: summaries.filter { $0.name != "negatives" }.count + 1) + "\n"
        for key in FieldKey.allCases {
            let cells = (summaries.filter { $0.name != "negatives" } + [overall]).map {
                Self.percent($0.fieldAccuracy[key] ?? nil)
            }
            out += "| \(key.rawValue) | " + cells.joined(separator: " | ") + " |\n"
        }
        return out
    }

    static func percent(_ value: Double?, digits: Int = 1) -> String {
        value.map { String(format: "%.\(digits)f%%", $0 * 100) } ?? "–"
    }

    static func milliseconds(_ seconds: Double) -> String { String(format: "%.0f", seconds * 1000) }
}

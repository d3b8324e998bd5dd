/// The rounds as a Markdown table: one row per store and worker count.
public enum QueueBenchReport {
    public static func markdown(_ rounds: [QueueBenchRound]) -> String {
        var lines = [
            "| Store | Workers | Enqueues/s | Claim-completes/s | pgbench -S TPS | Share of pgbench |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for round in rounds {
            let pgbench = round.pgbenchTPS.map(whole) ?? "-"
            let share = round.shareOfPgbench.map { "\(Int(($0 * 100).rounded())) %" } ?? "-"
            lines.append(
                "| \(round.store) | \(round.workers) | \(whole(round.enqueuesPerSecond)) "
                    + "| \(whole(round.completesPerSecond)) | \(pgbench) | \(share) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A rate to the nearest unit, its thousands separated by commas: 12,345.
    static func whole(_ value: Double) -> String {
        let digits = String(Int(value.rounded()))
        var grouped = ""
        for (index, digit) in digits.reversed().enumerated() {
            if index > 0, index % 3 == 0, digit != "-" { grouped.append(",") }
            grouped.append(digit)
        }
        return String(grouped.reversed())
    }
}

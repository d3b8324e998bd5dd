import Testing
@testable import KTPQueueBench

/// The pure parts of the queue benchmark: rates from counts and times, pgbench's figure, the table.
@Suite struct QueueBenchReportTests {
    @Test func ratesArePerSecondOfTheMeasuredTime() {
        let round = QueueBenchRound(
            store: "PostgreSQL", workers: 4, enqueued: 5000, enqueueTime: .milliseconds(2500), completed: 5000,
            drainTime: .milliseconds(800), pgbenchTPS: 18_750)
        #expect(round.enqueuesPerSecond == 2000)
        #expect(round.completesPerSecond == 6250)
        #expect(round.shareOfPgbench == 6250.0 / 18_750)
        #expect(QueueBenchRound.rate(10, in: .zero) == 0)
    }

    @Test func pgbenchsTPSIsReadFromItsSummary() throws {
        let output = """
            number of transactions actually processed: 181234
            latency average = 0.110 ms
            initial connection time = 4.112 ms
            tps = 18123.456789 (without initial connection time)
            """
        #expect(try Pgbench.tps(in: output) == 18123.456789)
        #expect(throws: QueueBenchError.self) { try Pgbench.tps(in: "pgbench: error: connection refused") }
    }

    @Test func theTableHasOneRowPerRoundWithPgbenchOnlyWhereItRan() {
        let rounds = [
            QueueBenchRound(
                store: "SQLite", workers: 1, enqueued: 3000, enqueueTime: .seconds(2), completed: 3000,
                drainTime: .seconds(3)),
            QueueBenchRound(
                store: "PostgreSQL", workers: 8, enqueued: 5000, enqueueTime: .seconds(1), completed: 5000,
                drainTime: .milliseconds(500), pgbenchTPS: 30_000),
        ]
        #expect(
            QueueBenchReport.markdown(rounds) == """
                | Store | Workers | Enqueues/s | Claim-completes/s | pgbench -S TPS | Share of pgbench |
                |---|---:|---:|---:|---:|---:|
                | SQLite | 1 | 1,500 | 1,000 | - | - |
                | PostgreSQL | 8 | 5,000 | 10,000 | 30,000 | 33 % |

                """)
    }
}

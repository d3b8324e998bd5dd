import Foundation
import KTPPostgres
import Logging
import TestSupport
import Testing
@testable import KTPServer

/// Real `ktp serve` processes on one PostgreSQL: start-up errors, several processes sharing the
/// work, one killed mid-job, and one quota spent across them.
@Suite struct PostgresServeTests {
    static func serve(_ arguments: [String]) async throws -> ChildProcess.Outcome {
        let ktp = try #require(ChildProcess.ktp, "build ktp first (make test does)")
        return try await ChildProcess.run(ktp, ["serve", "--port", "0", "--workers", "1"] + arguments)
    }

    @Test func theHelpSaysADatabaseMayBeAPostgreSQLURL() async throws {
        let ktp = try #require(ChildProcess.ktp, "build ktp first (make test does)")
        let help = try await ChildProcess.run(ktp, ["serve", "--help"])
        let text = help.output.replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
        #expect(text.contains("postgres://"), "\(help.output)")
        #expect(text.contains("KTP_DATABASE_URL"))
        #expect(text.contains("pool_size=N"), "\(help.output)")
    }

    @Test(.timeLimit(.minutes(1)))
    func aBadURLOrAnUnreachableServerOrAMissingDatabaseStopsTheStartWithAClearError() async throws {
        let bad = try await Self.serve(["--database", "postgres://127.0.0.1/ktp"])
        #expect(bad.status != 0)
        #expect(bad.errors.contains("invalidURL"), "\(bad.errors)")
        let typo = try await Self.serve(["--database", "postgre://u@127.0.0.1/ktp"])
        #expect(typo.status != 0 && typo.errors.contains("invalidURL"), "\(typo.errors)")
        let pool = try await Self.serve(["--database", "postgres://u@127.0.0.1/ktp?pool_size=1"])
        #expect(pool.status != 0 && pool.errors.contains("invalidURL"), "\(pool.errors)")
        #expect(pool.errors.contains("pool_size 1 is not a whole number from 2 to 1000"), "\(pool.errors)")
        let nobody = try await Self.serve(["--database", "postgres://postgres@127.0.0.1:1/ktp?sslmode=disable"])
        #expect(nobody.status != 0)
        #expect(nobody.errors.contains("unreachable") && nobody.errors.contains("refused"), "\(nobody.errors)")
        // A server that answers says why it will not serve: here, no such database.
        let missing = try await PostgresServer.shared.newDatabase().replacingOccurrences(
            of: "/ktp_test_", with: "/missing_")
        let refused = try await Self.serve(["--database", missing])
        #expect(refused.status != 0)
        #expect(refused.errors.contains("does not exist"), "\(refused.errors)")
    }

    /// `ktp apps` and `ktp callbacks` on a new PostgreSQL database: neither the migration nor
    /// PostgresNIO's pool logs at info level there, so stderr holds only the commands' own words.
    @Test(.timeLimit(.minutes(1)))
    func appsAndCallbacksPrintNoInfoLogLines() async throws {
        let ktp = try #require(ChildProcess.ktp, "build ktp first (make test does)")
        let url = try await PostgresServer.shared.newDatabase()
        let logLine = #"(?m)^\S+ (trace|debug|info|notice) "#
        let added = try await ChildProcess.run(ktp, ["apps", "add", "quiet-app", "--key", "k", "--database", url])
        #expect(added.status == 0, "\(added.errors)")
        #expect(added.errors.isEmpty, "\(added.errors)")
        let listed = try await ChildProcess.run(ktp, ["apps", "list", "--database", url])
        #expect(listed.output.contains("quiet-app"))
        #expect(listed.errors.isEmpty, "\(listed.errors)")
        // No such callback: the command's own error, and no log line with it.
        let callbacks = try await ChildProcess.run(ktp, ["callbacks", "nothing-001", "--database", url])
        #expect(callbacks.status != 0 && callbacks.errors.contains("no callback for nothing-001"))
        #expect(callbacks.errors.range(of: logLine, options: .regularExpression) == nil, "\(callbacks.errors)")
    }

    /// 200 submits over three processes with one worker each: 12 photos and 188 sandbox codes.
    /// One process is killed with SIGKILL while it works on a photo; the other two rescue its job
    /// once its lease runs out. Every submit ends with one result, from at most two runs.
    @Test(.timeLimit(.minutes(5)))
    func threeProcessesFinishEveryJobOnceThoughOneIsKilledMidJob() async throws {
        let url = try await PostgresServer.shared.newDatabase()
        var servers: [ServeProcess] = []
        for _ in 0..<3 {
            servers.append(
                try await ServeProcess.start(database: url, workers: 1, arguments: ["--app", "box:secret:sandbox"]))
        }
        defer { for server in servers where server.process.isRunning { server.process.terminate() } }
        let photos = try FileManager.default.contentsOfDirectory(atPath: WorkerEndToEndTests.fixtures.path)
            .filter { $0.hasSuffix(".jpg") }.sorted()
        let photoReferences = (0..<12).map { String(format: "multi-%03d", $0) }
        let sandboxReferences = (0..<188).map { String(format: "box-%03d", $0) }
        for (index, reference) in photoReferences.enumerated() {
            let server = servers[index % servers.count]
            #expect(try await server.submit(photo: photos[index % photos.count], referenceID: reference))
        }
        for (index, reference) in sandboxReferences.enumerated() {
            let answer = try await servers[index % servers.count].request(
                path: ExtractionAPI.submitPath, body: #"{"image": "KTP", "reference_id": "\#(reference)"}"#,
                app: "box")
            #expect((answer["data"] as? [String: Any])?["status"] as? String == "PROCESSING", "\(answer)")
        }
        let store = try await PostgresStore.connect(url: url, logger: Logger(label: "ktp.test.postgres"))
        // Kill the first process once it holds a photo's lease: mid-job.
        let victim = servers[0]
        let worker = "worker-\(victim.process.processIdentifier)-"
        while try await !Self.holdsALease(store, references: photoReferences, workerPrefix: worker) {
            try await Task.sleep(for: .milliseconds(50))
        }
        kill(victim.process.processIdentifier, SIGKILL)
        victim.process.waitUntilExit()

        let photosDone = try await servers[1].waitForResults(photoReferences, within: .seconds(240))
        #expect(photosDone.count == photoReferences.count)
        let sandboxDone = try await servers[2].waitForResults(sandboxReferences, app: "box", within: .seconds(60))
        #expect(sandboxDone.count == sandboxReferences.count)
        var rescued = 0
        for (app, references) in [("serve", photoReferences), ("box", sandboxReferences)] {
            for reference in references {
                let job = try #require(try await store.job(applicationID: app, referenceID: reference))
                #expect(job.state == .done && job.result != nil)
                #expect(job.attempt <= 2, "\(reference) ran \(job.attempt) times")
                if job.attempt == 2 { rescued += 1 }
            }
        }
        #expect(rescued >= 1, "the killed process's job was run again elsewhere")
        #expect(try await store.countsByState() == [.queued: 0, .running: 0, .done: 200])
    }

    static func holdsALease(_ store: PostgresStore, references: [String], workerPrefix: String) async throws -> Bool {
        for reference in references {
            let job = try await store.job(applicationID: "serve", referenceID: reference)
            if job?.state == .running, job?.leaseOwner?.hasPrefix(workerPrefix) == true { return true }
        }
        return false
    }

    @Test(.timeLimit(.minutes(3)))
    func fiftyConcurrentSubmitsOverThreeProcessesAcceptExactlyTheQuota() async throws {
        let url = try await PostgresServer.shared.newDatabase()
        var servers: [ServeProcess] = []
        for _ in 0..<3 {
            let testing = ["--app", "serve:secret:testing:10"]
            servers.append(try await ServeProcess.start(database: url, workers: 1, arguments: testing))
        }
        defer { for server in servers { server.process.terminate() } }
        let photos = try FileManager.default.contentsOfDirectory(atPath: WorkerEndToEndTests.fixtures.path)
            .filter { $0.hasSuffix(".jpg") }.sorted()
        let accepted = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<50 {
                let server = servers[index % servers.count]
                group.addTask {
                    try await server.submit(
                        photo: photos[index % photos.count], referenceID: String(format: "quota-%03d", index))
                }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(accepted == 10)
    }
}

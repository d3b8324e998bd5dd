import Foundation
import Testing
@testable import KTPServer

/// A real `ktp serve` process killed with SIGKILL mid-batch and restarted on the same database:
/// every accepted submission still ends with exactly one terminal result.
@Suite struct CrashSafetyTests {
    @Test(.timeLimit(.minutes(5)))
    func thirtySubmissionsSurviveAKillAndARestartExactlyOnce() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ktp-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("server.sqlite").path
        let photos = try FileManager.default.contentsOfDirectory(atPath: WorkerEndToEndTests.fixtures.path)
            .filter { $0.hasSuffix(".jpg") }.sorted()

        var server = try await ServeProcess.start(database: database, workers: 2)
        let references = (0..<30).map { String(format: "crash-%03d", $0) }
        for (index, reference) in references.enumerated() {
            #expect(try await server.submit(photo: photos[index % photos.count], referenceID: reference))
        }
        // Let a few finish, then kill the process in the middle of the batch.
        try await Task.sleep(for: .seconds(3))
        kill(server.process.processIdentifier, SIGKILL)
        server.process.waitUntilExit()

        server = try await ServeProcess.start(database: database, workers: 2)
        defer { server.process.terminate() }
        let terminal = try await server.waitForResults(references, within: .seconds(240))
        #expect(terminal.count == references.count)
        let store = try SQLiteStore(path: database)
        for reference in references {
            let job = try #require(try await store.job(applicationID: "serve", referenceID: reference))
            #expect(job.state == .done)
            // At most the run the kill interrupted and the run after the restart.
            #expect(job.result != nil && job.attempt <= 2, "\(reference) ran \(job.attempt) times")
        }
        #expect(try await store.countsByState() == [.queued: 0, .running: 0, .done: 30])
    }
}

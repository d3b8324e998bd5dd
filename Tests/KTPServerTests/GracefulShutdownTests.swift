import Foundation
import Testing
@testable import KTPServer

/// A real `ktp serve` process stopped with SIGTERM while a worker has a photo in hand.
@Suite struct GracefulShutdownTests {
    @Test(.timeLimit(.minutes(5)))
    func sigtermFinishesTheJobInHandExitsZeroAndEveryJobEndsExactlyOnce() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ktp-term-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("server.sqlite").path
        let submissions = [
            ("term-001", "0017-ktp-BD.jpg"), ("term-002", "0006-ktp-BD.jpg"), ("term-003", "0001-ktp-clean.jpg"),
        ]
        let references = submissions.map(\.0)

        var server = try await ServeProcess.start(database: database, workers: 1)
        for (reference, photo) in submissions {
            #expect(try await server.submit(photo: photo, referenceID: reference))
        }
        // Wait until the worker has a job in hand, then signal.
        let store = try SQLiteStore(path: database)
        var inHand: String?
        let deadline = ContinuousClock.now + .seconds(60)
        while inHand == nil, ContinuousClock.now < deadline {
            for reference in references {
                let job = try await store.job(applicationID: "serve", referenceID: reference)
                if job?.state == .running { inHand = reference }
            }
            if inHand == nil { try await Task.sleep(for: .milliseconds(20)) }
        }
        let running = try #require(inHand, "no worker took a job")
        kill(server.process.processIdentifier, SIGTERM)
        #expect(await server.waitForExit(within: .seconds(120)), "ktp serve did not exit after SIGTERM")
        #expect(server.process.terminationReason == .exit)
        #expect(server.process.terminationStatus == 0)

        // The job in hand was finished, not abandoned; no job was left leased; jobs not started
        // stayed queued untouched.
        let finished = try #require(try await store.job(applicationID: "serve", referenceID: running))
        #expect(finished.state == .done && finished.result != nil && finished.attempt == 1)
        #expect(try await store.countsByState()[.running] == 0)
        for reference in references {
            let job = try #require(try await store.job(applicationID: "serve", referenceID: reference))
            #expect(
                (job.state == .done && job.attempt == 1) || (job.state == .queued && job.attempt == 0),
                "\(reference): \(job.state) after \(job.attempt) attempt(s)")
            #expect(job.leaseOwner == nil)
        }

        // After a restart the rest finish, and nothing runs twice.
        server = try await ServeProcess.start(database: database, workers: 1)
        let terminal = try await server.waitForResults(references, within: .seconds(180))
        #expect(terminal == Set(references))
        kill(server.process.processIdentifier, SIGTERM)
        #expect(await server.waitForExit(within: .seconds(60)))
        #expect(server.process.terminationStatus == 0)
        for reference in references {
            let job = try #require(try await store.job(applicationID: "serve", referenceID: reference))
            #expect(job.state == .done && job.attempt == 1, "\(reference) ran \(job.attempt) times")
        }
        let again = try #require(try await store.job(applicationID: "serve", referenceID: running))
        #expect(again.completedAt == finished.completedAt && again.result == finished.result)
    }
}

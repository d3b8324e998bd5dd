import AsyncHTTPClient
import Foundation
import NIOCore
import Testing
@testable import KTPServer

/// A real `ktp serve` process killed with SIGKILL mid-batch and restarted on the same database:
/// every accepted submission still ends with exactly one terminal result.
@Suite struct CrashSafetyTests {
    /// `ktp`, built beside the test bundle (`make test` builds it first).
    static var binary: URL? {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [directory, directory.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("ktp")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    /// Starts `ktp serve` and waits for the line that names its port.
    static func start(database: String) async throws -> (Process, Int) {
        let process = Process()
        process.executableURL = try #require(binary, "build ktp first (make test does)")
        process.arguments = ["serve", "--port", "0", "--database", database, "--app", "crash:secret", "--workers", "2"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let port = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int, any Error>) in
            DispatchQueue.global().async {
                var text = ""
                while let chunk = try? output.fileHandleForReading.read(upToCount: 1), !chunk.isEmpty {
                    text += String(decoding: chunk, as: UTF8.self)
                    if text.hasSuffix("\n"),
                        let range = text.range(of: #"127\.0\.0\.1:(\d+)"#, options: .regularExpression)
                    {
                        continuation.resume(returning: Int(text[range].split(separator: ":")[1])!)
                        return
                    }
                }
                continuation.resume(throwing: CancellationError())
            }
        }
        return (process, port)
    }

    static func request(
        _ client: HTTPClient, _ port: Int, path: String, body: String? = nil
    ) async throws
        -> [String: Any]
    {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        request.headers.add(name: "App-ID", value: "crash")
        request.headers.add(name: "API-Key", value: "secret")
        if let body {
            request.method = .POST
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await client.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        return (try JSONSerialization.jsonObject(with: Data(bytes.readableBytesView)) as? [String: Any]) ?? [:]
    }

    @Test(.timeLimit(.minutes(5)))
    func thirtySubmissionsSurviveAKillAndARestartExactlyOnce() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ktp-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("server.sqlite").path
        let photos = try FileManager.default.contentsOfDirectory(atPath: WorkerEndToEndTests.fixtures.path)
            .filter { $0.hasSuffix(".jpg") }.sorted()
        let client = HTTPClient.shared

        var (server, port) = try await Self.start(database: database)
        let references = (0..<30).map { String(format: "crash-%03d", $0) }
        for (index, reference) in references.enumerated() {
            let photo = try WorkerEndToEndTests.base64(photos[index % photos.count])
            let answer = try await Self.request(
                client, port, path: ExtractionAPI.submitPath,
                body: #"{"image": "\#(photo)", "reference_id": "\#(reference)"}"#)
            #expect((answer["data"] as? [String: Any])?["status"] as? String == "PROCESSING")
        }
        // Let a few finish, then kill the process in the middle of the batch.
        try await Task.sleep(for: .seconds(3))
        kill(server.processIdentifier, SIGKILL)
        server.waitUntilExit()

        (server, port) = try await Self.start(database: database)
        defer { server.terminate() }
        var terminal: Set<String> = []
        let deadline = ContinuousClock.now + .seconds(240)
        while terminal.count < references.count, ContinuousClock.now < deadline {
            for reference in references where !terminal.contains(reference) {
                let body = try await Self.request(
                    client, port, path: ExtractionAPI.resultPath + "?reference_id=\(reference)")
                if let status = (body["data"] as? [String: Any])?["status"] as? String, status != "PROCESSING" {
                    terminal.insert(reference)
                }
            }
            try await Task.sleep(for: .milliseconds(500))
        }
        #expect(terminal.count == references.count)
        let store = try SQLiteStore(path: database)
        for reference in references {
            let job = try #require(try await store.job(applicationID: "crash", referenceID: reference))
            #expect(job.state == .done)
            // At most the run the kill interrupted and the run after the restart.
            #expect(job.result != nil && job.attempt <= 2, "\(reference) ran \(job.attempt) times")
        }
        #expect(try await store.countsByState() == [.queued: 0, .running: 0, .done: 30])
    }
}

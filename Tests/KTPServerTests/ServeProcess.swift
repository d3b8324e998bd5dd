import AsyncHTTPClient
import Foundation
import NIOCore
import TestSupport
import Testing
@testable import KTPServer

/// A real `ktp serve` child process on a free port, for the tests that signal or kill it.
struct ServeProcess {
    let process: Process
    let port: Int

    /// Starts `ktp serve` with the application `serve:secret` (and `arguments`) and waits for the
    /// line that names its port.
    static func start(database: String, workers: Int, arguments: [String] = []) async throws -> ServeProcess {
        let process = Process()
        let ktp: URL = try #require(ChildProcess.ktp, "build ktp first (make test does)")
        process.executableURL = ktp
        process.arguments = [
            "serve", "--port", "0", "--database", database, "--app", "serve:secret", "--workers", "\(workers)",
        ] + arguments
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
        return ServeProcess(process: process, port: port)
    }

    /// The JSON answer to a GET, or to a POST of `body`, with the headers of `app` (with the key
    /// `secret`).
    func request(path: String, body: String? = nil, app: String = "serve") async throws -> [String: Any] {
        try await answer(path: path, body: body, app: app).body
    }

    /// The status and JSON body of the answer to a GET, or to a POST of `body`, as ``request(path:body:app:)``.
    func answer(
        path: String, body: String? = nil, app: String = "serve", timeout: Duration = .seconds(30)
    ) async throws -> (status: Int, body: [String: Any]) {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        request.headers.add(name: "App-ID", value: app)
        request.headers.add(name: "API-Key", value: "secret")
        if let body {
            request.method = .POST
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await HTTPClient.shared.execute(
            request, timeout: .nanoseconds(Int64(timeout.timeInterval * 1e9)))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        let json = (try JSONSerialization.jsonObject(with: Data(bytes.readableBytesView)) as? [String: Any]) ?? [:]
        return (Int(response.status.code), json)
    }

    /// The answer to a sandbox application's submit of the code `KTP` as `referenceID`.
    func submitSandbox(_ referenceID: String, app: String = "box") async throws -> (status: Int, body: [String: Any]) {
        try await answer(
            path: ExtractionAPI.submitPath, body: #"{"image": "KTP", "reference_id": "\#(referenceID)"}"#, app: app)
    }

    /// Submits a fixture photo; whether it was accepted.
    func submit(photo: String, referenceID: String) async throws -> Bool {
        let answer = try await request(
            path: ExtractionAPI.submitPath,
            body: #"{"image": "\#(try WorkerEndToEndTests.base64(photo))", "reference_id": "\#(referenceID)"}"#)
        return (answer["data"] as? [String: Any])?["status"] as? String == "PROCESSING"
    }

    /// Waits until every reference_id of `app` has a terminal result, or the deadline passes;
    /// returns the ones that have.
    func waitForResults(
        _ references: [String], app: String = "serve", within limit: Duration
    ) async throws -> Set<String> {
        var terminal: Set<String> = []
        let deadline = ContinuousClock.now + limit
        while terminal.count < references.count, ContinuousClock.now < deadline {
            for reference in references where !terminal.contains(reference) {
                let body = try await request(path: ExtractionAPI.resultPath + "?reference_id=\(reference)", app: app)
                if let status = (body["data"] as? [String: Any])?["status"] as? String, status != "PROCESSING" {
                    terminal.insert(reference)
                }
            }
            try await Task.sleep(for: .milliseconds(500))
        }
        return terminal
    }

    /// Waits for the process to exit, at most `limit`; whether it did.
    func waitForExit(within limit: Duration) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while process.isRunning, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(100))
        }
        return !process.isRunning
    }
}

import AsyncHTTPClient
import Foundation
import Glibc
import KTP

/// The service on loopback that `ktp` uses when no API is configured, so that a newcomer needs no server and
/// no keys. It runs in a process of its own (``EmbeddedServiceCommand``), one per data folder, shared by
/// every `ktp` process that uses that folder, and it stops a little after the last of them lets it go.
struct EmbeddedService {
    static let appID = "embedded"
    /// A sandbox application with the same key, for trying the sandbox codes.
    static let sandboxAppID = "embedded-sandbox"

    let baseURL: URL
    let apiKey: String
    /// Held while this process uses the service: the service stops only when no process holds one.
    private let use: FileLock

    /// The files the service and its users share in a data folder.
    struct Files {
        let directory: URL

        /// Held exclusively to start the service, or by the service to stop, so neither races the other.
        var startLock: String { directory.appendingPathComponent("embedded-service.lock").path }
        /// Held shared by each process that uses the service.
        var users: String { directory.appendingPathComponent("embedded-service.users").path }
        var database: String { directory.appendingPathComponent("embedded-service.sqlite").path }
        var log: URL { directory.appendingPathComponent("embedded-service.log") }
        var credentials: String { directory.appendingPathComponent("embedded-credentials").path }
    }

    /// Finds the service that serves `directory`, or starts it; either way this process uses it until
    /// ``release()``.
    static func start(in directory: URL, regions: RegionOptions) async throws -> EmbeddedService {
        // The folder holds personal data (the ledger, photos): its owner's alone.
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: directory.path)
        let files = Files(directory: directory)
        // Taken first: once this process holds it, a service it finds cannot decide to stop.
        let use = try await FileLock.acquire(.shared, at: files.users, timeout: .seconds(60))
        do {
            let starting = try await FileLock.acquire(.exclusive, at: files.startLock, timeout: .seconds(150))
            defer { starting.release() }
            let apiKey = try credentials(in: files)
            let record: ServiceRecord
            if let found = try await running(in: files, apiKey: apiKey) {
                record = found
            } else {
                record = try await spawn(in: files, regions: regions)
            }
            return EmbeddedService(baseURL: record.baseURL, apiKey: apiKey, use: use)
        } catch {
            use.release()
            throw error
        }
    }

    /// Lets the service go; it stops once no process uses it. Jobs still queued wait durably for its next run.
    func release() {
        use.release()
    }

    /// Stops the service of `directory`, if one runs, and waits for it to end.
    static func stop(in directory: URL) async throws {
        let files = Files(directory: directory)
        guard FileManager.default.fileExists(atPath: files.credentials),
            let record = try await running(in: files, apiKey: try credentials(in: files))
        else { return }
        kill(record.pid, SIGTERM)
        let deadline = ContinuousClock.now + .seconds(30)
        while record.isAlive {
            guard ContinuousClock.now < deadline else {
                throw CLIError("the embedded service (pid \(record.pid)) did not stop within 30 s")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// The recorded service, when its process runs and the server on its port knows our key: a port is
    /// only a number, and another program may hold it by now.
    private static func running(in files: Files, apiKey: String) async throws -> ServiceRecord? {
        guard let record = ServiceRecord.read(in: files.directory), record.isAlive else { return nil }
        return await isOurs(record.baseURL, apiKey: apiKey) ? record : nil
    }

    /// Whether the server at `baseURL` accepts the embedded key: it answers an unknown reference with the
    /// contract's 404, where a stranger answers 401 or not at all.
    static func isOurs(_ baseURL: URL, apiKey: String) async -> Bool {
        var request = HTTPClientRequest(
            url: baseURL.appendingPathComponent("ktp/id/extract-async/result").absoluteString
                + "?reference_id=embedded-probe")
        request.headers.add(name: "App-ID", value: appID)
        request.headers.add(name: "API-Key", value: apiKey)
        guard let response = try? await HTTPClient.shared.execute(request, timeout: .seconds(2)),
            response.status == .notFound,
            let body = try? await response.body.collect(upTo: 64 * 1024)
        else { return false }
        return String(buffer: body).contains("INVALID_PAYLOAD_REFERENCE_ID_NOT_FOUND")
    }

    /// Starts ``EmbeddedServiceCommand`` and waits until it has recorded its port, or has failed.
    private static func spawn(in files: Files, regions: RegionOptions) async throws -> ServiceRecord {
        // Appended to, so the log keeps each start's story; the last line is the latest one's.
        let descriptor = open(files.log.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw CLIError("cannot write \(files.log.path)") }
        let log = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let table = regions.regions.map { ["--regions", $0] } ?? []
        process.arguments = ["embedded-service", "--directory", files.directory.path] + table
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = log
        process.standardError = log
        try process.run()
        let deadline = ContinuousClock.now + .seconds(120)
        while true {
            if let record = ServiceRecord.read(in: files.directory), record.pid == process.processIdentifier {
                return record
            }
            guard process.isRunning else {
                throw CLIError("the embedded service could not start: \(lastLine(of: files.log))")
            }
            guard ContinuousClock.now < deadline else {
                process.terminate()
                throw CLIError("the embedded service did not start within 2 minutes (see \(files.log.path))")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    private static func lastLine(of log: URL) -> String {
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        let line = text.split(whereSeparator: \.isNewline).last.map(String.init) ?? "it exited without a word"
        return line.hasPrefix("Error: ") ? String(line.dropFirst(7)) : line
    }

    /// The embedded application's key, made once (under the start lock) and kept in a file only its owner reads.
    static func credentials(in files: Files) throws -> String {
        let path = files.credentials
        if let key = try? String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines),
            !key.isEmpty
        {
            return key
        }
        let key = AppArgument.generated().key
        guard
            FileManager.default.createFile(
                atPath: path, contents: Data(key.utf8), attributes: [.posixPermissions: 0o600])
        else { throw CLIError("cannot write \(path)") }
        return key
    }
}

import Foundation
import TestSupport
import Testing

/// The embedded service as `ktp` processes share it: one per data folder, found by its record, replaced when
/// its record lies, and a clear error when it cannot start. Real processes, real ports.
@Suite struct EmbeddedServiceTests {
    /// A data folder of its own, and the environment that points `ktp` at it with no API configured.
    struct DataFolder {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("ktp-embedded-\(UUID().uuidString)")
        var folder: URL { home.appendingPathComponent("ktp") }
        var environment: [String: String] {
            ["XDG_DATA_HOME": home.path, "KTP_API_URL": "", "KTP_APP_ID": "", "KTP_API_KEY": ""]
        }

        init() throws {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }

        func write(record pid: Int32, port: Int) throws {
            let record = #"{"pid":\#(pid),"port":\#(port)}"#
            try Data(record.utf8).write(to: folder.appendingPathComponent("embedded-service.json"))
        }

        var recordedPID: Int32? {
            let path = folder.appendingPathComponent("embedded-service.json").path
            guard let data = FileManager.default.contents(atPath: path),
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
            else { return nil }
            return (object["pid"] as? Int).map(Int32.init)
        }

        /// The services that have started in this folder, by the line each writes to the log when it listens.
        var starts: Int {
            let log = (try? String(contentsOf: folder.appendingPathComponent("embedded-service.log"), encoding: .utf8))
            let lines = log?.components(separatedBy: "\n") ?? []
            return lines.filter { $0.contains(" listening on http://127.0.0.1:") }.count
        }

        func submit(_ arguments: [String] = []) async throws -> ChildProcess.Outcome {
            let ktp = try #require(ChildProcess.ktp, "build ktp first (make test does)")
            return try await ChildProcess.run(ktp, ["submit", "sandbox:KTP"] + arguments, environment: environment)
        }

        func remove() { try? FileManager.default.removeItem(at: home) }
    }

    @Test(.timeLimit(.minutes(2)))
    func twoProcessesStartingTogetherShareOneService() async throws {
        let data = try DataFolder()
        defer { data.remove() }
        async let first = data.submit()
        async let second = data.submit()
        let outcomes = try await [first, second]
        #expect(outcomes.map(\.status) == [0, 0])
        #expect(data.starts == 1, "the second process found the first one's service")
    }

    @Test(.timeLimit(.minutes(2)))
    func aRecordWhosePortAStrangerHoldsIsNotTrusted() async throws {
        let data = try DataFolder()
        defer { data.remove() }
        // A live process (this one) and a port that a socket holds and never answers on.
        let stranger = try ListeningSocket()
        defer { stranger.close() }
        try data.write(record: getpid(), port: stranger.port)
        let submitted = try await data.submit()
        #expect(submitted.status == 0)
        #expect(data.starts == 1)
        #expect(data.recordedPID != getpid(), "the new service replaced the record")
    }

    @Test(.timeLimit(.minutes(2)))
    func aRecordLeftByAKilledServiceIsReplaced() async throws {
        let data = try DataFolder()
        defer { data.remove() }
        let ktp = try #require(ChildProcess.ktp)
        let service = Process()
        service.executableURL = ktp
        // No ktp process uses this service, so it would stop after its idle grace; on a loaded machine with a
        // cold model cache, that can come before it is listening.
        service.arguments = ["embedded-service", "--directory", data.folder.path, "--idle-exit", "600"]
        service.standardOutput = FileHandle.nullDevice
        service.standardError = FileHandle.nullDevice
        try service.run()
        while data.recordedPID != service.processIdentifier {
            try #require(service.isRunning, "the service stopped before it recorded itself")
            try await Task.sleep(for: .milliseconds(50))
        }
        kill(service.processIdentifier, SIGKILL)
        _ = await ChildProcess.wait(for: service)
        #expect(data.recordedPID == service.processIdentifier, "a killed service cannot remove its record")

        let submitted = try await data.submit()
        #expect(submitted.status == 0)
        #expect(data.recordedPID.map { $0 != service.processIdentifier } == true)
    }

    @Test(.timeLimit(.minutes(1)))
    func aServiceThatCannotStartIsAClearErrorAtOnce() async throws {
        let data = try DataFolder()
        defer { data.remove() }
        let missing = data.home.appendingPathComponent("no-such-wilayah.csv").path
        let submitted = try await data.submit(["--regions", missing])
        #expect(submitted.status == 1)
        #expect(submitted.errors.contains("the embedded service could not start"))
        #expect(submitted.errors.contains(missing), "the service's own reason reaches the user")
        #expect(data.recordedPID == nil)
    }
}

/// A loopback socket on a free port that listens and never accepts, as another program holding a port would.
struct ListeningSocket {
    struct Failure: Error {
        let errno: Int32
    }

    let descriptor: Int32
    let port: Int

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0
            }
        }
        guard descriptor >= 0, bound, listen(descriptor, 1) == 0 else { throw Failure(errno: errno) }
        self.descriptor = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    func close() { _ = Glibc.close(descriptor) }
}

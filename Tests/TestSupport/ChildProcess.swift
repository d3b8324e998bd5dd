import Foundation

/// Runs programs for tests without blocking Swift's cooperative threads: waiting on a child there can starve
/// the very server in this process that the child is talking to.
public enum ChildProcess {
    public struct Outcome: Sendable {
        public var status: Int32
        public var output: String
        public var errors: String
    }

    /// `ktp`, built beside the test bundle (`make test` builds it first).
    public static var ktp: URL? {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return [directory, directory.deletingLastPathComponent()].map { $0.appendingPathComponent("ktp") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs `executable` to its end and returns its status, standard output and standard error. An empty value
    /// in `environment` unsets that variable.
    public static func run(
        _ executable: URL, _ arguments: [String], environment: [String: String] = [:]
    ) async throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            .filter { !$0.value.isEmpty }
        let output = Pipe()
        process.standardOutput = output
        // A file, not a second pipe: reading two pipes from one thread can stall the child on the one not read.
        let errorsPath = FileManager.default.temporaryDirectory.appendingPathComponent("stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errorsPath.path, contents: nil)
        let errors = try FileHandle(forWritingTo: errorsPath)
        process.standardError = errors
        try process.run()
        try errors.close()
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                let data = output.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                let written = (try? Data(contentsOf: errorsPath)) ?? Data()
                try? FileManager.default.removeItem(at: errorsPath)
                continuation.resume(
                    returning: Outcome(
                        status: process.terminationStatus, output: String(decoding: data, as: UTF8.self),
                        errors: String(decoding: written, as: UTF8.self)))
            }
        }
    }

    /// Starts `executable` without waiting for it, its output to /dev/null: for a program that leaves a daemon
    /// behind (tmux's first client starts the server; waiting on such a client was seen to hang here).
    public static func launch(_ executable: URL, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    /// Waits for a started process to end, off the cooperative threads.
    public static func wait(for process: Process) async -> Int32 {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                process.waitUntilExit()
                continuation.resume(returning: process.terminationStatus)
            }
        }
    }
}

import Foundation

/// Runs programs for tests without blocking Swift's cooperative threads: waiting on a child there can starve
/// the very server in this process that the child is talking to.
public enum ChildProcess {
    public struct Outcome: Sendable {
        public var status: Int32
        public var output: String
    }

    /// `ktp`, built beside the test bundle (`make test` builds it first).
    public static var ktp: URL? {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return [directory, directory.deletingLastPathComponent()].map { $0.appendingPathComponent("ktp") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs `executable` to its end and returns its status and standard output. An empty value in
    /// `environment` unsets that variable. `captureOutput: false` sends the output to /dev/null, for
    /// programs that leave a daemon holding their stdout (tmux).
    public static func run(
        _ executable: URL, _ arguments: [String], environment: [String: String] = [:], captureOutput: Bool = true
    ) async throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            .filter { !$0.value.isEmpty }
        let output = Pipe()
        process.standardOutput = captureOutput ? output : FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                let data = captureOutput ? output.fileHandleForReading.readDataToEndOfFile() : Data()
                process.waitUntilExit()
                continuation.resume(
                    returning: Outcome(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
                )
            }
        }
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

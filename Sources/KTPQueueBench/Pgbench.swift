import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// PostgreSQL's own benchmark, run beside the queue's on the same server: its select-only TPS is
/// the ceiling of what one statement per transaction reaches on this machine.
public struct Pgbench: Sendable {
    /// The pgbench program.
    public var executable: String
    /// libpq's variables naming the database (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE…).
    public var environment: [String: String]
    public var seconds: Int

    public init(executable: String, environment: [String: String], seconds: Int) {
        self.executable = executable
        self.environment = environment
        self.seconds = seconds
    }

    /// `pgbench -i`: (re)creates its pgbench_* tables, scale 1.
    public func initialise() throws(QueueBenchError) {
        _ = try run(["-i", "-q"])
    }

    /// `pgbench -S -c clients -j 2 -T seconds`: select-only transactions per second.
    public func selectOnlyTPS(clients: Int) throws(QueueBenchError) -> Double {
        try Self.tps(in: run(["-S", "-n", "-c", "\(clients)", "-j", "2", "-T", "\(seconds)"]))
    }

    /// The figure of the `tps = 12345.678 (without initial connection time)` line.
    static func tps(in output: String) throws(QueueBenchError) -> Double {
        for line in output.split(separator: "\n") where line.hasPrefix("tps = ") {
            if let value = line.dropFirst("tps = ".count).split(separator: " ").first.flatMap({ Double($0) }) {
                return value
            }
        }
        throw QueueBenchError(.pgbenchOutput, "no tps line in pgbench's output")
    }

    /// Runs pgbench to its end; returns what it printed. It blocks the calling thread, which is
    /// harmless here: nothing else runs while pgbench measures.
    ///
    /// Spawned by hand rather than with Foundation's `Process`, whose child inherits this process's
    /// blocked signals (the runtime's threads block nearly all): pgbench's `-T` ends on SIGALRM, and
    /// with it blocked never ends.
    private func run(_ arguments: [String]) throws(QueueBenchError) -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("pgbench-\(UUID()).out").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        let environment = ProcessInfo.processInfo.environment.merging(self.environment) { $1 }
            .map { "\($0.key)=\($0.value)" }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            throw QueueBenchError(.pgbenchFailed, "cannot start \(executable): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // Exited normally with 0: the low seven bits hold no signal, the next eight the exit code.
        guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else {
            throw QueueBenchError(
                .pgbenchFailed, "pgbench \(arguments.joined(separator: " ")) failed (status \(status))")
        }
        return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    }
}

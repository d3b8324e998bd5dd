import Foundation
import Glibc
import TestSupport
import Testing

/// A PostgreSQL 15 server of the tests' own, from Debian's package: `initdb` in a temporary folder,
/// a free loopback port, run as the package's `postgres` user when the tests run as root (the
/// server refuses root). One server (``shared``) serves the test process, each test with a
/// database of its own; a test that restarts or stops its server makes one of its own. The
/// server stops, and its folder goes, when the test process ends: the shell that started it
/// watches this process and stops it then.
actor PostgresServer {
    static let shared = PostgresServer()
    static let binaries = URL(fileURLWithPath: "/usr/lib/postgresql/15/bin")

    /// A server that failed to start, with what it said.
    struct StartError: Error, CustomStringConvertible {
        let description: String
    }

    /// A running server: where it listens and where its files are.
    struct Instance: Sendable {
        let port: Int
        let directory: URL

        /// While this file exists, the shell does not start the server again.
        var hold: URL { directory.appendingPathComponent("hold") }

        /// The postmaster's process id, from its pid file.
        var pid: pid_t? {
            let file = directory.appendingPathComponent("data/postmaster.pid").path
            return (try? String(contentsOfFile: file, encoding: .utf8))?.split(separator: "\n").first
                .flatMap { pid_t($0) }
        }

        func waitUntilReady() async throws {
            let deadline = ContinuousClock.now + .seconds(30)
            while ContinuousClock.now < deadline {
                let ready = try await ChildProcess.run(
                    binaries.appendingPathComponent("pg_isready"),
                    ["-h", "127.0.0.1", "-p", "\(port)", "-U", "postgres"])
                if ready.status == 0 { return }
                try await Task.sleep(for: .milliseconds(100))
            }
            let log = (try? String(contentsOfFile: directory.appendingPathComponent("log").path, encoding: .utf8))
            throw StartError(description: "the server did not start: \(log ?? "")")
        }
    }

    /// The server, once started.
    private var running: Task<Instance, any Error>?
    private var databases = 0

    /// The URL of a new, empty database on the shared server, which starts on first use.
    func newDatabase() async throws -> String {
        let port = try await start().port
        databases += 1
        let name = "ktp_test_\(databases)"
        let created = try await ChildProcess.run(
            Self.binaries.appendingPathComponent("createdb"),
            ["-h", "127.0.0.1", "-p", "\(port)", "-U", "postgres", name])
        guard created.status == 0 else { throw StartError(description: "createdb: \(created.errors)") }
        return "postgres://postgres@127.0.0.1:\(port)/\(name)?sslmode=disable"
    }

    /// Stops the server (a fast shutdown: its clients are disconnected) and waits until it is
    /// back, started again by the shell that holds it.
    func restart() async throws {
        let instance = try await start()
        let old = try #require(instance.pid, "no postmaster.pid")
        kill(old, SIGINT)
        let deadline = ContinuousClock.now + .seconds(30)
        while instance.pid == old || instance.pid == nil, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        guard instance.pid != old else { throw StartError(description: "the server did not stop") }
        try await instance.waitUntilReady()
    }

    /// Stops the server (a fast shutdown) and keeps it stopped until ``resume()``: the shell that
    /// holds it starts no new one while its folder has a `hold` file.
    func stop() async throws {
        let instance = try await start()
        let old = try #require(instance.pid, "no postmaster.pid")
        FileManager.default.createFile(atPath: instance.hold.path, contents: nil)
        kill(old, SIGINT)
        // The postmaster deletes its pid file last, once every backend is gone.
        let deadline = ContinuousClock.now + .seconds(30)
        while instance.pid != nil, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        guard instance.pid == nil else { throw StartError(description: "the server did not stop") }
    }

    /// Lets the shell start the server that ``stop()`` stopped, and waits until it answers.
    func resume() async throws {
        let instance = try await start()
        try FileManager.default.removeItem(at: instance.hold)
        try await instance.waitUntilReady()
    }

    private func start() async throws -> Instance {
        if let running { return try await running.value }
        let task = Task { try await Self.launch() }
        running = task
        return try await task.value
    }

    private static func launch() async throws -> Instance {
        let postgres = binaries.appendingPathComponent("postgres")
        guard FileManager.default.isExecutableFile(atPath: postgres.path) else {
            throw StartError(description: "no \(postgres.path): apt-get install postgresql (make test does)")
        }
        // /tmp rather than $TMPDIR: the postgres user must reach it, and the server's socket path
        // in it must stay within the 107 bytes a Unix socket's name may have.
        let directory = URL(fileURLWithPath: "/tmp/ktp-pg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let asRoot = getuid() == 0
        if asRoot {
            guard let user = getpwnam("postgres") else {
                throw StartError(description: "running as root, and there is no postgres user to run the server")
            }
            chown(directory.path, user.pointee.pw_uid, user.pointee.pw_gid)
        }
        /// The command line, as the server's user.
        func command(_ arguments: [String]) -> (URL, [String]) {
            asRoot
                ? (URL(fileURLWithPath: "/usr/sbin/runuser"), ["-u", "postgres", "--"] + arguments)
                : (URL(fileURLWithPath: arguments[0]), Array(arguments.dropFirst()))
        }
        let data = directory.appendingPathComponent("data").path
        let initdb = command([
            binaries.appendingPathComponent("initdb").path, "-D", data, "-U", "postgres", "--auth=trust",
            "-E", "UTF8", "--no-sync",
        ])
        let initialized = try await ChildProcess.run(initdb.0, initdb.1)
        guard initialized.status == 0 else { throw StartError(description: "initdb: \(initialized.errors)") }
        let port = try LoopbackPort.free()
        // Durability settings off: the tests kill `ktp serve`, never this server. The shell starts
        // the server again whenever it stops (``restart()``) unless held (``stop()``), and stops it
        // once this process is gone, however it ends.
        let script = """
            bin=$0 data=$1 port=$2 dir=$3 parent=$4
            start() {
                "$bin" -D "$data" -p "$port" -k "$dir" -c listen_addresses=127.0.0.1 -c max_connections=400 \
                    -c fsync=off -c synchronous_commit=off -c full_page_writes=off >>"$dir/log" 2>&1 &
                server=$!
            }
            start
            while [ -d "/proc/$parent" ]; do
                if [ ! -e "$dir/hold" ] && ! kill -0 "$server" 2>/dev/null; then wait "$server"; start; fi
                sleep 0.2
            done
            kill -INT "$server" 2>/dev/null
            wait "$server"
            rm -rf "$dir"
            """
        let shell = command([
            "/bin/sh", "-c", script, postgres.path, data, "\(port)", directory.path, "\(getpid())",
        ])
        let process = Process()
        process.executableURL = shell.0
        process.arguments = shell.1
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let instance = Instance(port: port, directory: directory)
        try await instance.waitUntilReady()
        return instance
    }
}

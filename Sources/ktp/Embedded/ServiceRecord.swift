import Foundation
import Glibc

/// Which process serves a data folder's embedded service, and on which loopback port. The service writes it
/// once it listens; other `ktp` processes read it to find the service instead of starting another.
struct ServiceRecord: Codable {
    var pid: Int32
    var port: Int

    static func path(in directory: URL) -> String {
        directory.appendingPathComponent("embedded-service.json").path
    }

    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// Whether the process the record names still runs (it may be another user's, which we may not signal).
    var isAlive: Bool { kill(pid, 0) == 0 || errno == EPERM }

    /// The record in `directory`, or `nil` when there is none or it cannot be read as one.
    static func read(in directory: URL) -> ServiceRecord? {
        guard let data = FileManager.default.contents(atPath: path(in: directory)) else { return nil }
        return try? JSONDecoder().decode(ServiceRecord.self, from: data)
    }

    /// Replaces the record whole, so a reader sees the old one or this one and never a part.
    func write(in directory: URL) throws {
        let data = try JSONEncoder().encode(self)
        let url = URL(fileURLWithPath: Self.path(in: directory))
        try data.write(to: url, options: [.atomic])
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
    }

    /// Removes the record if it still names process `pid`: a newer service's record stays.
    static func remove(in directory: URL, pid: Int32) {
        guard read(in: directory)?.pid == pid else { return }
        try? FileManager.default.removeItem(atPath: path(in: directory))
    }
}

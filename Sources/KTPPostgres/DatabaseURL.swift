import Foundation
import NIOSSL
import PostgresNIO

/// A PostgreSQL database named by URL: `postgres://user[:password]@host[:port]/database`, with
/// `?sslmode=disable|prefer|require` (default `prefer`, as libpq's).
public struct DatabaseURL: Sendable {
    public let configuration: PostgresClient.Configuration

    /// Whether `text` names a PostgreSQL database rather than a SQLite file.
    public static func isPostgres(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    public init(_ text: String) throws(PostgresStartupError) {
        guard Self.isPostgres(text), let url = URLComponents(string: text) else {
            throw PostgresStartupError(.invalidURL, "expected postgres://user@host[:port]/database")
        }
        guard let host = url.host, !host.isEmpty else { throw PostgresStartupError(.invalidURL, "no host") }
        guard let user = url.user, !user.isEmpty else { throw PostgresStartupError(.invalidURL, "no user") }
        let database = String(url.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else {
            throw PostgresStartupError(.invalidURL, "no database name after the host")
        }
        let tls: PostgresClient.Configuration.TLS
        switch url.queryItems?.first(where: { $0.name == "sslmode" })?.value ?? "prefer" {
        case "disable": tls = .disable
        case "prefer": tls = .prefer(.makeClientConfiguration())
        case "require": tls = .require(.makeClientConfiguration())
        case let other: throw PostgresStartupError(.invalidURL, "sslmode \(other) is not disable, prefer or require")
        }
        configuration = PostgresClient.Configuration(
            host: host, port: url.port ?? 5432, username: user.removingPercentEncoding ?? user,
            password: url.password?.removingPercentEncoding, database: database, tls: tls)
    }
}

import Foundation
import NIOSSL
import PostgresNIO

/// A PostgreSQL database named by URL: `postgres://user[:password]@host[:port]/database`, with
/// `?sslmode=disable|prefer|require` (default `prefer`, as libpq's) and `pool_size=N`, the most
/// connections one process opens (default 20).
public struct DatabaseURL: Sendable {
    enum SSLMode: String, Sendable {
        case disable, prefer, require
    }

    let host: String
    let port: Int
    let user: String
    let password: String?
    let database: String
    let sslMode: SSLMode
    /// The most connections the store's pool opens, its listener's included.
    let poolSize: Int

    /// PostgresNIO's own default.
    public static let defaultPoolSize = 20
    /// One connection listens for submits all the time, so a pool needs a second to work with;
    /// past a thousand, a typo is likelier than a server that takes so many.
    public static let poolSizes = 2...1000

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
        let mode = url.queryItems?.first(where: { $0.name == "sslmode" })?.value ?? "prefer"
        guard let sslMode = SSLMode(rawValue: mode) else {
            throw PostgresStartupError(.invalidURL, "sslmode \(mode) is not disable, prefer or require")
        }
        let size = url.queryItems?.first(where: { $0.name == "pool_size" })?.value
        let poolSize = size.map { Int($0) } ?? Self.defaultPoolSize
        guard let poolSize, Self.poolSizes.contains(poolSize) else {
            throw PostgresStartupError(
                .invalidURL,
                "pool_size \(size ?? "") is not a whole number from \(Self.poolSizes.lowerBound) to "
                    + "\(Self.poolSizes.upperBound)")
        }
        self.poolSize = poolSize
        self.host = host
        port = url.port ?? 5432
        self.user = user.removingPercentEncoding ?? user
        password = url.password?.removingPercentEncoding
        self.database = database
        self.sslMode = sslMode
    }

    /// libpq's variables for this database, so that PostgreSQL's own programs (pgbench, psql) reach
    /// the same one.
    public var libpqEnvironment: [String: String] {
        var environment = [
            "PGHOST": host, "PGPORT": "\(port)", "PGUSER": user, "PGDATABASE": database, "PGSSLMODE": sslMode.rawValue,
        ]
        environment["PGPASSWORD"] = password
        return environment
    }

    /// Where the server is, as a message may name it.
    var server: String { "\(host):\(port)" }

    /// The configuration of the store's connection pool.
    var configuration: PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS =
            switch sslMode {
            case .disable: .disable
            case .prefer: .prefer(.makeClientConfiguration())
            case .require: .require(.makeClientConfiguration())
            }
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: user, password: password, database: database, tls: tls)
        configuration.options.maximumConnections = poolSize
        return configuration
    }

    /// The configuration of one connection outside the pool, which reports why it failed where
    /// the pool would only retry.
    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS =
            switch sslMode {
            case .disable: .disable
            case .prefer: .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
            case .require: .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
        return PostgresConnection.Configuration(
            host: host, port: port, username: user, password: password, database: database, tls: tls)
    }
}

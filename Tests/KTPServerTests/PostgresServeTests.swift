import Foundation
import TestSupport
import Testing
@testable import KTPServer

/// Real `ktp serve` processes given a PostgreSQL database.
@Suite struct PostgresServeTests {
    static func serve(_ arguments: [String]) async throws -> ChildProcess.Outcome {
        let ktp = try #require(ChildProcess.ktp, "build ktp first (make test does)")
        return try await ChildProcess.run(ktp, ["serve", "--port", "0", "--workers", "1"] + arguments)
    }

    @Test func theHelpSaysADatabaseMayBeAPostgreSQLURL() async throws {
        let ktp = try #require(ChildProcess.ktp, "build ktp first (make test does)")
        let help = try await ChildProcess.run(ktp, ["serve", "--help"])
        let text = help.output.replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
        #expect(text.contains("postgres://"), "\(help.output)")
        #expect(text.contains("KTP_DATABASE_URL"))
    }

    @Test(.timeLimit(.minutes(1)))
    func aBadURLOrAnUnreachableServerStopsTheStartWithAClearError() async throws {
        let bad = try await Self.serve(["--database", "postgres://127.0.0.1/ktp"])
        #expect(bad.status != 0)
        #expect(bad.errors.contains("invalidURL"), "\(bad.errors)")
        let typo = try await Self.serve(["--database", "postgre://u@127.0.0.1/ktp"])
        #expect(typo.status != 0 && typo.errors.contains("invalidURL"), "\(typo.errors)")
        let nobody = try await Self.serve(["--database", "postgres://postgres@127.0.0.1:1/ktp?sslmode=disable"])
        #expect(nobody.status != 0)
        #expect(nobody.errors.contains("unreachable"), "\(nobody.errors)")
    }
}

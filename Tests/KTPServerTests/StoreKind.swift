import Foundation
import KTPPostgres
import Logging
import Testing
@testable import KTPServer

/// The stores that the shared suite proves alike.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    /// A fresh, empty store of this kind with the applications `app-live` and `app-other`; it
    /// goes with the value, which the test must keep (`withExtendedLifetime`) until its end.
    func seeded() async throws -> OpenStore {
        let open = try await empty()
        try await open.store.save(ClientApp(id: "app-live", key: "k1", mode: .live))
        try await open.store.save(ClientApp(id: "app-other", key: "k2", mode: .live))
        return open
    }

    /// A fresh store of this kind with no application.
    func empty() async throws -> OpenStore {
        switch self {
        case .sqlite:
            let temporary = try TemporaryStore()
            return OpenStore(store: temporary.store, location: temporary.path, keeping: temporary)
        case .postgres:
            let url = try await PostgresServer.shared.newDatabase()
            let store = try await PostgresStore.connect(url: url, logger: Logger(label: "ktp.test.postgres"))
            return OpenStore(store: store, location: url, keeping: store)
        }
    }
}

/// A store under test, where it is (a file's path or a database's URL), and what keeps it alive.
struct OpenStore: Sendable {
    let store: any ServiceStore
    let location: String
    let keeping: any Sendable
}

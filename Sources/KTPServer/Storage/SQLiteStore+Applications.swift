import Foundation
import GRDB

extension SQLiteStore: ApplicationStore {
    public func application(id: String) async throws(StoreError) -> ClientApp? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM application WHERE id = ?", arguments: [id]).map(Self.application)
        }
    }

    public func applications() async throws(StoreError) -> [ClientApp] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM application ORDER BY id").map(Self.application)
        }
    }

    public func save(_ application: ClientApp) async throws(StoreError) {
        let quota: Int? = if case .testing(let remaining) = application.mode { remaining } else { nil }
        try await write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO application (id, key_hash, mode, quota_remaining) VALUES (?, ?, ?, ?)",
                arguments: [application.id, Data(application.keyHash), application.mode.name, quota]
            )
        }
    }

    public func removeApplication(id: String) async throws(StoreError) -> Bool {
        try await write { db in
            try db.execute(sql: "DELETE FROM application WHERE id = ?", arguments: [id])
            return db.changesCount > 0
        }
    }

    static func application(_ row: Row) -> ClientApp {
        let mode: ApplicationMode =
            switch row["mode"] as String {
            case "testing": .testing(quotaRemaining: row["quota_remaining"] ?? 0)
            case "sandbox": .sandbox
            default: .live
            }
        return ClientApp(id: row["id"], keyHash: [UInt8](row["key_hash"] as Data), mode: mode)
    }
}

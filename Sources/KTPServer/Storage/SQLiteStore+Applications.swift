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
        let quota: Int? = if case .testing(let quota, _) = application.mode { quota } else { nil }
        // An upsert, not INSERT OR REPLACE: replacing the row would reset quota_used.
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO application (id, key_hash, mode, quota) VALUES (?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET
                        key_hash = excluded.key_hash, mode = excluded.mode, quota = excluded.quota
                    """,
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
            case "testing": .testing(quota: row["quota"] ?? 0, used: row["quota_used"])
            case "sandbox": .sandbox
            default: .live
            }
        return ClientApp(id: row["id"], keyHash: [UInt8](row["key_hash"] as Data), mode: mode)
    }
}

import KTPServer
import PostgresNIO

extension PostgresStore: ApplicationStore {
    public func application(id: String) async throws(StoreError) -> ClientApp? {
        try await rows("SELECT * FROM application WHERE id = \(id)").first.map(Self.application)
    }

    public func applications() async throws(StoreError) -> [ClientApp] {
        try await rows("SELECT * FROM application ORDER BY id").map(Self.application)
    }

    public func save(_ application: ClientApp) async throws(StoreError) {
        let quota: Int? = if case .testing(let quota, _) = application.mode { quota } else { nil }
        // An upsert that leaves quota_used alone: saving the same application again gives no new quota.
        _ = try await rows(
            """
            INSERT INTO application (id, key_hash, mode, quota)
            VALUES (\(application.id), \(ByteBuffer(bytes: application.keyHash)), \(application.mode.name), \(quota))
            ON CONFLICT (id) DO UPDATE SET key_hash = excluded.key_hash, mode = excluded.mode, quota = excluded.quota
            """)
    }

    public func removeApplication(id: String) async throws(StoreError) -> Bool {
        !(try await rows("DELETE FROM application WHERE id = \(id) RETURNING id").isEmpty)
    }

    static func application(_ row: PostgresRow) throws(StoreError) -> ClientApp {
        try decoding {
            let columns = row.makeRandomAccess()
            let mode: ApplicationMode =
                switch try columns["mode"].decode(String.self) {
                case "testing":
                    .testing(
                        quota: try columns["quota"].decode(Int?.self) ?? 0,
                        used: try columns["quota_used"].decode(Int.self))
                case "sandbox": .sandbox
                default: .live
                }
            return ClientApp(
                id: try columns["id"].decode(String.self),
                keyHash: Array(try columns["key_hash"].decode(ByteBuffer.self).readableBytesView), mode: mode)
        }
    }
}

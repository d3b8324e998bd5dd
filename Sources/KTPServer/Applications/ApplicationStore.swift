/// The applications the service knows.
public protocol ApplicationStore: Sendable {
    func application(id: String) async throws(StoreError) -> ClientApp?
    func applications() async throws(StoreError) -> [ClientApp]
    /// Adds an application, or replaces its key, mode and quota; the extractions it used stay
    /// counted, so that restarting with the same `--app` gives no new quota.
    func save(_ application: ClientApp) async throws(StoreError)
    /// Removes an application; returns whether it existed.
    func removeApplication(id: String) async throws(StoreError) -> Bool
}

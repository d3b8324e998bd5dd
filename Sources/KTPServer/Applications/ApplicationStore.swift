/// The applications the service knows.
public protocol ApplicationStore: Sendable {
    func application(id: String) async throws(StoreError) -> ClientApp?
    func applications() async throws(StoreError) -> [ClientApp]
    /// Adds or replaces an application.
    func save(_ application: ClientApp) async throws(StoreError)
    /// Removes an application; returns whether it existed.
    func removeApplication(id: String) async throws(StoreError) -> Bool
}

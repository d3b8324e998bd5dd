/// Everything the service keeps: applications, jobs and their callbacks. The server, its workers
/// and its dispatcher know the store only through this protocol, so that one SQLite file and a
/// PostgreSQL shared by many processes serve alike.
public protocol ServiceStore: JobStore, ApplicationStore, CallbackStore {
    /// Clears what a crash may have left outside the store's transactions, at start-up; returns
    /// how many things it removed.
    func removeLeftovers() async throws(StoreError) -> Int
}

import AsyncHTTPClient

extension HTTPClient {
    /// Runs `body` with a fresh client and shuts the client down afterwards, thrown or not: a
    /// client dropped without a shutdown stops the whole test process.
    static func scoped<T>(
        _ configuration: Configuration = Configuration(), _ body: (HTTPClient) async throws -> T
    ) async throws -> T {
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        do {
            let value = try await body(client)
            try await client.shutdown()
            return value
        } catch {
            try? await client.shutdown()
            throw error
        }
    }
}

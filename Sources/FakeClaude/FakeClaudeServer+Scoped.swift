/// The scoped way to use a server: started for `body`, stopped after it however `body` ends,
/// so no test or benchmark can leave its threads behind.
extension FakeClaudeServer {
    package static func running<T>(_ config: FakeClaudeConfig = FakeClaudeConfig(),
                                  _ body: (FakeClaudeServer) async throws -> T) async throws -> T {
        let server = FakeClaudeServer(config: config)
        try server.start()
        defer { server.stop() }
        return try await body(server)
    }

    package static func running<T>(_ config: FakeClaudeConfig = FakeClaudeConfig(),
                                  _ body: (FakeClaudeServer) throws -> T) throws -> T {
        let server = FakeClaudeServer(config: config)
        try server.start()
        defer { server.stop() }
        return try body(server)
    }
}

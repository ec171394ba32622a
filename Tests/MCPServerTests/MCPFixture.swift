import Foundation
import LuaHost
import MCP
@testable import MCPServer
import Store
import TeachBack

/// The server on the built-in scripts and a fresh database, and the SDK's own client talking to
/// it over an in-memory transport pair: the real protocol, without a process.
struct MCPFixture {
    let client: Client
    let server: Server
    let store: SQLiteStore
    let service: TeachingService

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// Runs `body` with a connected client; stops both ends afterwards.
    static func with<T>(_ body: (MCPFixture) async throws -> T) async throws -> T {
        let host = try LuaScriptHost(paths: ScriptPaths(builtinRoot: repositoryRoot, userConfig: nil))
        let store = try SQLiteStore(path: NSTemporaryDirectory() + "tb-mcp-\(UUID().uuidString)/teachback.sqlite")
        let service = TeachingService(host: host, backend: nil, store: store, saving: store, parallel: true, defaultMode: "socratic")
        let (clientEnd, serverEnd) = await InMemoryTransport.createConnectedPair()
        let server = try await TeachingServer(service: service).start(on: serverEnd, version: "test")
        let client = Client(name: "teachback-tests", version: "1")
        _ = try await client.connect(transport: clientEnd)
        let fixture = MCPFixture(client: client, server: server, store: store, service: service)
        defer { Task { await client.disconnect(); await server.stop() } }
        return try await body(fixture)
    }

    /// A tool call's whole result, structured content included.
    func call(_ name: String, _ arguments: [String: Value] = [:]) async throws -> CallTool.Result {
        try await client.send(CallTool.request(.init(name: name, arguments: arguments))).value
    }

    /// A successful call's structured content as an object.
    func object(_ name: String, _ arguments: [String: Value] = [:]) async throws -> [String: Value] {
        let result = try await call(name, arguments)
        guard result.isError != true, let object = result.structuredContent?.objectValue else {
            throw FixtureError("\(name) failed: \(result.content)")
        }
        return object
    }

    /// The text of a failed call, or nil when it succeeded.
    func error(_ name: String, _ arguments: [String: Value]) async throws -> String? {
        let result = try await call(name, arguments)
        guard result.isError == true, case .text(let text, _, _) = result.content.first else { return nil }
        return text
    }

    func newSession(_ topic: String = "recursion", mode: String = "socratic") async throws -> String {
        try await object("create_teaching_session", ["user_id": "ada", "topic": .string(topic), "mode": .string(mode)])["session_id"]?
            .stringValue ?? ""
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

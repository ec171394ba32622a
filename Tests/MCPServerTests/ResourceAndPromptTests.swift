import Foundation
import MCP
@testable import MCPServer
import Testing

@Suite struct ResourceAndPromptTests {
    @Test func sessionsAndPersonasReadAsMarkdown() async throws {
        try await MCPFixture.with { f async throws in
            let id = try await f.newSession("tcp handshake")
            _ = try await f.object("teach", ["session_id": .string(id), "explanation": "The client sends SYN first."])
            let templates = try await f.client.listResourceTemplates().templates.map(\.uriTemplate)
            #expect(templates == ["teachback://sessions/{id}", "teachback://modes/{name}"])
            let listed = try await f.client.listResources().resources.map(\.uri)
            #expect(listed.contains("teachback://sessions/\(id)"))
            #expect(listed.contains("teachback://modes/socratic"))
            let session = try #require(try await f.client.readResource(uri: "teachback://sessions/\(id)").first?.text)
            #expect(session.hasPrefix("# tcp handshake"))
            #expect(session.contains("**You:** The client sends SYN first."))
            let mode = try #require(try await f.client.readResource(uri: "teachback://modes/anxious").first?.text)
            #expect(mode.hasPrefix("# anxious"))
            #expect(mode.contains("teachback.mode"), "the persona's script")
            await #expect(throws: MCPError.self) { try await f.client.readResource(uri: "teachback://modes/pirate") }
            await #expect(throws: MCPError.self) { try await f.client.readResource(uri: "https://example.com/") }
        }
    }

    @Test func theTeachBackPromptSetsUpThePersona() async throws {
        try await MCPFixture.with { f async throws in
            let prompts = try await f.client.listPrompts().prompts
            #expect(prompts.map(\.name) == ["teach-back"])
            let prompt = try await f.client.getPrompt(name: "teach-back", arguments: ["topic": "entropy", "mode": "five-year-old"])
            #expect(prompt.messages.count == 2)
            guard case .text(let setup) = prompt.messages[0].content, case .text(let greeting) = prompt.messages[1].content else {
                Issue.record("text messages expected")
                return
            }
            #expect(setup.contains("teach-back session on entropy"))
            #expect(prompt.messages[0].role == .user)
            #expect(prompt.messages[1].role == .assistant)
            #expect(!greeting.isEmpty)
            await #expect(throws: MCPError.self) { try await f.client.getPrompt(name: "teach-back", arguments: [:]) }
        }
    }
}

import Foundation
import MCP
@testable import MCPServer
import Testing

/// Each bad call gets a clear tool error (or, for an unknown tool, a JSON-RPC error), and the
/// server goes on serving.
@Suite struct BadInputTests {
    @Test func argumentsAreCheckedAgainstTheSchema() async throws {
        try await MCPFixture.with { f async throws in
            let id = try await f.newSession()
            #expect(try await f.error("teach", ["session_id": .string(id)]) == "teach: missing argument 'explanation'")
            #expect(try await f.error("teach", ["session_id": .string(id), "explanation": "x", "colour": "red"])
                    == "teach: unknown argument 'colour' (it takes session_id, explanation)")
            #expect(try await f.error("teach", ["session_id": .string(id), "explanation": 42]) == "teach: argument 'explanation' must be a string")
            #expect(try await f.error("list_sessions", ["limit": "ten"]) == "list_sessions: argument 'limit' must be an integer")
            #expect(try await f.error("list_sessions", ["limit": 0]) == "list_sessions: 'limit' must be from 1 to 500")
            let badMode = try await f.error("create_teaching_session", ["user_id": "u", "topic": "t", "mode": "pirate"])
            #expect(badMode?.hasPrefix("create_teaching_session: 'pirate' is not one of ") == true)
            #expect(try await f.error("teach", ["session_id": .string(id), "explanation": "   "]) == "teach: 'explanation' is empty")
            let huge = String(repeating: "word ", count: 210_000)
            #expect(try await f.error("teach", ["session_id": .string(id), "explanation": .string(huge)])
                    == "teach: 'explanation' is 1049999 bytes; at most 100000 are taken")
            let score = try await f.error("generate_question", ["session_id": .string(id), "explanation": "x",
                                                                 "analysis": ["clarity_score": 85]])
            #expect(score == "generate_question: analysis 'clarity_score' must be a number from 0 to 1")
            #expect(try await f.store.sessions(limit: 10).isEmpty, "no bad call wrote a turn")
            // Still serving.
            #expect(try await f.object("teach", ["session_id": .string(id), "explanation": "It calls itself."])["number"] == 1)
        }
    }

    @Test func anUnknownSessionOrToolIsNamed() async throws {
        try await MCPFixture.with { f async throws in
            #expect(try await f.error("teach", ["session_id": "no-such-session", "explanation": "x"])
                    == "no saved session matches 'no-such-session'")
            #expect(try await f.error("get_session_summary", ["session_id": "nope"]) == "no saved session matches 'nope'")
            await #expect(throws: MCPError.self) { try await f.call("teleport", [:]) }
            #expect(try await f.object("list_modes")["modes"] != nil, "the server goes on")
        }
    }
}

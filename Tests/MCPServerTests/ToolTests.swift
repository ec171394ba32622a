import Foundation
import MCP
@testable import MCPServer
import Testing

@Suite struct ToolTests {
    static let explanations = [
        "Recursion is when a function calls itself on a smaller input.",
        "The base case stops the recursion, so it does not go on forever.",
        "Each call gets its own stack frame until the base case returns.",
    ]

    @Test func everyToolIsListedWithBothSchemasAndEveryLoadedPersona() async throws {
        try await MCPFixture.with { f async throws in
            let tools = try await f.client.listTools().tools
            #expect(Set(tools.map(\.name)) == ["create_teaching_session", "analyze_explanation", "generate_question", "get_session_summary",
                                              "teach", "list_modes", "list_sessions", "review_due", "rescore_text"])
            for tool in tools {
                #expect(tool.outputSchema?.objectValue?["type"] == "object", "\(tool.name)")
                #expect(tool.inputSchema.objectValue?["additionalProperties"] == false, "\(tool.name)")
            }
            let create = try #require(tools.first { $0.name == "create_teaching_session" })
            let modeEnum = create.inputSchema.objectValue?["properties"]?.objectValue?["mode"]?.objectValue?["enum"]?.arrayValue
            let loaded = await f.service.modeNames()
            #expect(modeEnum?.compactMap(\.stringValue) == loaded)
            #expect(loaded.count >= 4)
            #expect(create.inputSchema.objectValue?["required"] == ["user_id", "topic", "mode"], "the original's schema")
        }
    }

    @Test func aThreeTurnSessionIsAnOrdinarySavedSession() async throws {
        try await MCPFixture.with { f async throws in
            let id = try await f.newSession(mode: "anxious")
            for (n, text) in Self.explanations.enumerated() {
                let turn = try await f.object("teach", ["session_id": .string(id), "explanation": .string(text)])
                #expect(turn["number"] == .int(n + 1))
                #expect(turn["saved"] == true)
                #expect(turn["mode"] == "anxious")
                #expect(turn["question"]?.stringValue?.isEmpty == false)
                #expect(turn["backend"]?.objectValue?["question"] == "fallback", "offline: the persona's scripted question")
            }
            let summary = try await f.object("get_session_summary", ["session_id": .string(id)])
            #expect(summary["total_turns"] == 3)
            #expect(summary["turns"] == 3)
            #expect(summary["user_id"] == "ada")
            #expect(summary["learning_curve"]?.arrayValue?.count == 3)
            // The same session, as the REPL and `teachback sessions` see it.
            let saved = try await f.store.session(matching: id)
            #expect(saved.turns.map(\.explanation) == Self.explanations)
            #expect(saved.userID == "ada")
            let listed = try await f.object("list_sessions", ["limit": 5])
            #expect(listed["sessions"]?.arrayValue?.first?.objectValue?["id"] == .string(id))
        }
    }

    @Test func analyzeThenGenerateQuestionRecordsTheTurnWithTheGivenAnalysis() async throws {
        try await MCPFixture.with { f async throws in
            let id = try await f.newSession()
            let text = Self.explanations[0]
            let analysis = try await f.object("analyze_explanation", ["session_id": .string(id), "explanation": .string(text)])
            #expect(analysis["clarity_score"]?.doubleValue.map { (0...1).contains($0) } == true)
            #expect(try await f.store.sessions(limit: 10).isEmpty, "analysing records nothing")
            var given = analysis
            given["knowledge_gaps"] = ["the base case"]
            let turn = try await f.object("generate_question", ["session_id": .string(id), "explanation": .string(text),
                                                                "analysis": .object(given), "mode": "contrarian"])
            #expect(turn["mode"] == "contrarian")
            #expect(turn["analysis"]?.objectValue?["knowledge_gaps"] == ["the base case"])
            let saved = try await f.store.session(matching: id)
            #expect(saved.turns.count == 1)
            #expect(saved.mode == "contrarian")
        }
    }

    @Test func listModesReviewDueAndRescoreText() async throws {
        try await MCPFixture.with { f async throws in
            let modes = try await f.object("list_modes")
            #expect(modes["modes"]?.arrayValue?.contains { $0.objectValue?["name"] == "five-year-old" } == true)
            #expect(try await f.object("review_due")["due"] == [])
            let score = try await f.object("rescore_text", ["topic": "recursion", "explanation": .string(Self.explanations[1])])
            #expect(score["source"] == "local")
            #expect(try await f.store.sessions(limit: 10).isEmpty)
        }
    }

    @Test func callsOnOneSessionRunInOrderAndNeverShareATurnNumber() async throws {
        try await MCPFixture.with { f async throws in
            let id = try await f.newSession()
            let numbers = try await withThrowingTaskGroup(of: Int.self) { group in
                for n in 1...6 {
                    group.addTask {
                        let turn = try await f.object("teach", ["session_id": .string(id), "explanation": .string("Point \(n): it calls itself.")])
                        return turn["number"]?.intValue ?? 0
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(numbers.sorted() == Array(1...6))
            #expect(try await f.store.session(matching: id).turns.count == 6)
        }
    }
}

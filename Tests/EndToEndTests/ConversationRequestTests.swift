import FakeClaude
import Foundation
import Testing

/// Both Claude requests carry the conversation so far as alternating turns, built by the engine
/// for every persona; `:prompt` prints exactly the bodies the next turn sends.
@Suite(.serialized) struct ConversationRequestTests {
    static let explanations = [
        "The base case stops the recursion when n is 0.",
        "Otherwise the function calls itself with n - 1.",
        "A factorial multiplies n by the factorial of n - 1.",
    ]

    static func messages(_ request: RecordedRequest) throws -> [[String: Any]] {
        let body = try #require(try JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any])
        return try #require(body["messages"] as? [[String: Any]])
    }

    @Test(arguments: ["socratic", "five-year-old"])
    func turnThreesRequestsCarryTurnsOneAndTwoAndPromptShowsThemExactly(mode: String) throws {
        let analysis = #"{"confidence_score": 0.8, "clarity_score": 0.7, "knowledge_gaps": ["base case", "memoisation"]}"#
        let server = FakeClaudeServer(config: FakeClaudeConfig(analysis: Scenario(analysisText: analysis)))
        try server.start()
        defer { server.stop() }
        let e = Self.explanations
        let input = ":mode \(mode)\n:teach recursion\n\(e[0])\n\(e[1])\n:prompt \(e[2])\n\(e[2])\n:quit\n"
        let result = try Binary.run([], input: input, home: try Binary.sandbox(),
                                    extra: ["ANTHROPIC_API_KEY": "tb-test-key-0123456789", "ANTHROPIC_BASE_URL": server.baseURL ?? "",
                                            "NO_COLOR": "1"])
        #expect(result.status == 0, "\(result.stderr)")
        let analyses = server.requests(of: .analysis), questions = server.requests(of: .question)
        try #require(analyses.count == 3 && questions.count == 3, "\(server.requests.count) requests")
        let asked = "Why does the base case matter?"   // fake-claude's question, asked after turns 1 and 2
        for request in [analyses[2], questions[2]] {
            let messages = try Self.messages(request)
            #expect(messages.map { $0["role"] as? String } == ["user", "assistant", "user", "assistant", "user"])
            #expect(messages[0]["content"] as? String == e[0])
            #expect(messages[1]["content"] as? String == asked)
            #expect(messages[2]["content"] as? String == e[1])
            #expect(messages[3]["content"] as? String == asked)
            #expect((messages[4]["content"] as? String)?.contains(e[2]) == true)
            #expect(!((messages[4]["content"] as? String) ?? "").contains(e[0]), "the newest message holds only the newest explanation")
        }
        // The parallel question prompt knows Claude's analysis of turn 2, less what was covered since.
        let newest = try #require(try Self.messages(questions[2]).last?["content"] as? String)
        #expect(newest.contains("a closer reading of the previous explanation found these gaps: memoisation\n"), "\(newest)")
        // Turn 2's requests held turn 1 in the same bytes: the prefix is stable from turn to turn.
        let turnTwo = try Self.messages(questions[1])
        #expect(turnTwo.count == 3 && turnTwo[0]["content"] as? String == e[0])

        let lines = result.stdout.components(separatedBy: "\n")
        let analysisAt = try #require(lines.firstIndex(of: "analysis request, POST /v1/messages:"))
        let questionAt = try #require(lines.firstIndex(of: "question request, POST /v1/messages:"))
        #expect(lines[analysisAt + 1] == analyses[2].bodyText)
        #expect(lines[questionAt + 1] == questions[2].bodyText)
        #expect(server.requests.count == 6, ":prompt made no call")
    }

    @Test func offlinePromptSaysNothingWouldBeSent() throws {
        let result = try Binary.run(["--offline"], input: ":teach recursion\n:prompt It calls itself.\n",
                                    home: try Binary.sandbox(), extra: ["NO_COLOR": "1"])
        #expect(result.stdout.contains("offline: the next turn sends no request"))
    }
}

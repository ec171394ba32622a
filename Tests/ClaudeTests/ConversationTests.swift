import Foundation
import Testing
@testable import Claude
import TeachBack

/// The conversation Claude's requests carry: bounded, byte-stable before the newest message,
/// and marked for prompt caching once it is long enough.
@Suite struct ConversationTests {
    static func backend(historyTurns: Int? = nil) -> ClaudeBackend {
        ClaudeBackend(client: MessagesClient(config: ClaudeConfig(apiKey: "k", baseURL: "http://127.0.0.1:9", model: "claude-test")),
                      historyTurns: historyTurns)
    }

    static func history(_ count: Int, length: Int = 40) -> [PastTurn] {
        (1...max(1, count)).prefix(count).map { n in
            PastTurn(explanation: "Explanation \(n) " + String(repeating: "x", count: length), question: "Question \(n)?",
                     analysis: Analysis(confidenceScore: 0.5, clarityScore: 0.5))
        }
    }

    @Test func olderTurnsBeyondTheWindowBecomeOneSummaryLineKeepAtATime() {
        let backend = Self.backend(historyTurns: 3)
        #expect(backend.analysisRequest(topic: "t", explanation: "e", history: Self.history(5)).messages.count == 11,
                "five turns: fewer than two windows, all in full")
        let request = backend.analysisRequest(topic: "t", explanation: "newest", history: Self.history(7))
        #expect(request.messages.count == 9, "turns 1-3 summarised, 4-7 in full, then the newest")
        #expect(request.messages.map(\.role) == [.user, .assistant, .user, .assistant, .user, .assistant, .user, .assistant, .user])
        let first = request.messages[0].content
        #expect(first.hasPrefix("(Earlier in this lesson, in brief: turn 1: \"Explanation 1"))
        let summary = first.components(separatedBy: "\n\n")[0]
        #expect(summary.contains("asked \"Question 3?\"") && !summary.contains("Explanation 4"))
        #expect(first.hasSuffix("\n\nExplanation 4 " + String(repeating: "x", count: 40)))
        #expect(request.messages[7].content == "Question 7?")
        #expect(request.messages[8].content.hasSuffix("newest"))
    }

    @Test func thePrefixIsTheSameBytesFromTurnToTurnWithinTheWindow() throws {
        let backend = Self.backend()
        let turns = Self.history(5)
        let third = backend.questionRequest(QuestionPrompt(system: "s", user: "u3", history: Array(turns.prefix(2))))
        let fourth = backend.questionRequest(QuestionPrompt(system: "s", user: "u4", history: Array(turns.prefix(3))))
        #expect(Array(fourth.messages.prefix(4)) == Array(third.messages.prefix(4)))
        // Past the window too, until the next block of turns is summarised.
        let small = Self.backend(historyTurns: 3)
        let eighth = small.questionRequest(QuestionPrompt(system: "s", user: "u", history: Array(Self.history(7))))
        let ninth = small.questionRequest(QuestionPrompt(system: "s", user: "u", history: Array(Self.history(8))))
        #expect(Array(ninth.messages.prefix(8)) == Array(eighth.messages.prefix(8)))
    }

    @Test func aLongPrefixIsMarkedForCachingOnItsLastEarlierMessageOnly() throws {
        let backend = Self.backend()
        let short = backend.analysisRequest(topic: "t", explanation: "e", history: Self.history(2))
        #expect(!short.messages.contains { $0.cached })
        let long = backend.analysisRequest(topic: "t", explanation: "e", history: Self.history(4, length: 1500))
        #expect(long.messages.map(\.cached) == [false, false, false, false, false, false, false, true, false])
        let json = String(decoding: try backend.client.body(long), as: UTF8.self)
        #expect(json.contains(#"{"content":[{"cache_control":{"type":"ephemeral"},"text":"Question 4?","type":"text"}],"role":"assistant"}"#))
        #expect(try JSONDecoder().decode(MessageRequest.self, from: Data(json.utf8)) == long, "block content reads back")
    }
}

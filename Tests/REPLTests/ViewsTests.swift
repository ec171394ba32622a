import Foundation
import Testing
@testable import REPL
import TeachBack

@Suite struct ViewsTests {
    func turn(_ n: Int, clarity: Double, gaps: [String] = [], question: String = "Why?") -> Turn {
        Turn(number: n, mode: "socratic", explanation: "explanation \(n)", question: question,
             localAnalysis: Analysis(confidenceScore: 0.5, clarityScore: clarity, knowledgeGaps: gaps),
             timings: .init(total: 3))
    }

    @Test func sparklineMapsZeroToOneOntoEightBlocks() {
        #expect(Views.sparkline([0, 0.5, 1]) == "▁▅█")
        #expect(Views.sparkline([-1, 2]) == "▁█")
    }

    @Test func statsShowCurveTrendGapsAndTokens() {
        let session = Session(topic: "recursion", mode: "socratic", turns: [
            turn(1, clarity: 0.2, gaps: ["base case"]), turn(2, clarity: 0.5, gaps: ["Base case"]), turn(3, clarity: 0.9),
        ])
        let text = Views.stats(session, analytics: SessionAnalytics(analyses: session.turns.map(\.analysis)),
                               prices: .init(input: 3, output: 15)).joined(separator: "\n")
        #expect(text.contains("recursion · socratic · 3 turns"))
        #expect(text.contains("▂▅▇"))
        #expect(text.contains("trend improving"))
        #expect(text.contains("persistent gaps: base case"))
        #expect(text.contains("tokens: 0 in, 0 out · $0.0000"))
    }

    @Test func costUsesThePricePerMillionTokens() {
        #expect(Views.cost(TokenUsage(inputTokens: 1_000, outputTokens: 200), .init(input: 3, output: 15)) == "$0.0060")
    }

    @Test func theTurnLineNamesScoresListsAndBackend() {
        let line = Views.turnLine(turn(1, clarity: 0.62, gaps: ["base case"]))
        #expect(line == "clarity 0.62 · confidence 0.50 · gaps: base case · offline · 3 ms")
    }

    @Test func historyIsATranscript() {
        let session = Session(topic: "t", mode: "socratic", turns: [turn(1, clarity: 0.5, question: "What is a stack?")])
        #expect(Views.history(session) == ["[1] you (socratic):", "    explanation 1", "[1] student:", "    What is a stack?"])
    }
}

import Foundation
import Testing
@testable import TeachBack

@Suite struct AnalysisTests {
    @Test func scoresOnAHundredScaleAreDividedAndOthersClamped() {
        #expect(Analysis.normalizedScore(72) == 0.72)
        #expect(Analysis.normalizedScore(0.4) == 0.4)
        #expect(Analysis.normalizedScore(-3) == 0)
        #expect(Analysis.normalizedScore(250) == 1)
        #expect(Analysis.normalizedScore(.nan) == Analysis.neutralScore)
    }

    @Test func mergedTakesClaudeScoresAndAppendsLocalItemsNotAlreadyPresent() {
        let claude = Analysis(confidenceScore: 0.9, clarityScore: 0.8, knowledgeGaps: ["Base case"],
                              unexplainedJargon: ["stack frame"], strengths: [], source: .claude)
        let local = Analysis(confidenceScore: 0.2, clarityScore: 0.3, knowledgeGaps: ["base case.", "recursion depth"],
                             unexplainedJargon: ["Stack  Frame", "memoization"], strengths: ["uses an analogy"])
        let merged = Analysis.merged(claude: claude, local: local)
        #expect(merged.confidenceScore == 0.9)
        #expect(merged.clarityScore == 0.8)
        #expect(merged.knowledgeGaps == ["Base case", "recursion depth"])
        #expect(merged.unexplainedJargon == ["stack frame", "memoization"])
        #expect(merged.strengths == ["uses an analogy"])
        #expect(merged.source == .merged)
        #expect(Analysis.merged(claude: nil, local: local) == local)
    }

    @Test func jsonUsesTheOriginalFieldNamesAndDecodesTheOriginalsRecords() throws {
        let a = Analysis(confidenceScore: 0.72, clarityScore: 0.64, knowledgeGaps: ["base case"], source: .claude)
        let json = String(decoding: try JSONEncoder().encode(a), as: UTF8.self)
        for key in ["confidence_score", "clarity_score", "knowledge_gaps", "unexplained_jargon", "strengths", "\"source\":\"claude\""] {
            #expect(json.contains(key))
        }
        let original = #"{"confidence_score": 65, "clarity_score": 0.5, "knowledge_gaps": ["Base case explanation"]}"#
        let decoded = try JSONDecoder().decode(Analysis.self, from: Data(original.utf8))
        #expect(decoded.confidenceScore == 0.65)
        #expect(decoded.knowledgeGaps == ["Base case explanation"])
        #expect(decoded.unexplainedJargon.isEmpty)
        #expect(decoded.source == .local)
    }

    @Test func termsNormaliseCaseSpaceAndTrailingPunctuation() {
        #expect(Terms.normalize("  Base   Case. ") == "base case")
        #expect(Terms.normalize("Why?!") == "why")
        #expect(Terms.union(["A", "b"], ["a.", "C", ""]) == ["A", "b", "C"])
    }
}

@Suite struct HeuristicCombinationTests {
    @Test func scoresAreWeightAveragedOverTheHeuristicsThatReturnedThem() {
        let results = [
            HeuristicResult(name: "a", weight: 1, confidenceScore: 0.2, clarityScore: 0.9, knowledgeGaps: ["x"]),
            HeuristicResult(name: "b", weight: 3, confidenceScore: 0.6, knowledgeGaps: ["X", "y"]),
            HeuristicResult(name: "c", weight: 2, strengths: ["s"]),
        ]
        let a = HeuristicResult.combine(results)
        #expect(abs(a.confidenceScore - 0.5) < 1e-12)   // (0.2·1 + 0.6·3) / 4
        #expect(a.clarityScore == 0.9)                   // only a returned it
        #expect(a.knowledgeGaps == ["x", "y"])
        #expect(a.strengths == ["s"])
        #expect(a.source == .local)
    }

    @Test func noScoreAtAllIsNeutralAndZeroWeightsAreIgnored() {
        let a = HeuristicResult.combine([HeuristicResult(name: "z", weight: 0, clarityScore: 0.1)])
        #expect(a.clarityScore == Analysis.neutralScore)
        #expect(a.confidenceScore == Analysis.neutralScore)
    }
}

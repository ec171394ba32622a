import Testing
@testable import Claude
import TeachBack

@Suite struct AnalysisParserTests {
    @Test func plainJSONParses() throws {
        let a = try #require(AnalysisParser.parse(#"{"confidence_score": 0.7, "clarity_score": 0.6, "knowledge_gaps": ["base case"], "unexplained_jargon": [], "strengths": ["example"]}"#))
        #expect(a.confidenceScore == 0.7)
        #expect(a.knowledgeGaps == ["base case"])
        #expect(a.source == .claude)
    }

    @Test func fencesTextAroundAndBracesInStringsAreHandled() throws {
        let text = """
        Here is my assessment:
        ```json
        {"confidence_score": 72, "clarity_score": "0.5", "knowledge_gaps": "why {it} stops", "strengths": ["uses }"]}
        ```
        Hope that helps!
        """
        let a = try #require(AnalysisParser.parse(text))
        #expect(a.confidenceScore == 0.72)
        #expect(a.clarityScore == 0.5)
        #expect(a.knowledgeGaps == ["why {it} stops"])
        #expect(a.strengths == ["uses }"])
        #expect(a.unexplainedJargon.isEmpty)
    }

    @Test func garbageDoesNotParse() {
        #expect(AnalysisParser.parse("I cannot help with that.") == nil)
        #expect(AnalysisParser.parse("{\"confidence_score\": ") == nil)
        #expect(AnalysisParser.parse(#"{"unrelated": 1}"#) == nil)
        #expect(AnalysisParser.parse("") == nil)
    }
}

@Suite struct AnalysisParserTextAroundTests {
    @Test func aBracedWordBeforeTheJSONIsSkipped() throws {
        let a = try #require(AnalysisParser.parse(#"My take on {recursion}: {"clarity_score": 0.4, "confidence_score": 0.3}"#))
        #expect(a.clarityScore == 0.4)
    }
}

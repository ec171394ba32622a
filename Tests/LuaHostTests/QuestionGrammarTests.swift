import Foundation
import Testing
@testable import LuaHost
import TeachBack

/// Every persona's questions about a missing concept read as a person would write them, with a
/// singular concept and a plural one: the "Where's low and high bounds in binary search?"
/// must not come back. Each persona is asked over enough turns to rotate through all its templates.
@Suite struct QuestionGrammarTests {
    let host: LuaScriptHost
    init() throws { host = try ScriptFixtures.builtinHost() }

    /// Wordings that betray a template agreeing with the wrong number.
    static let wrongForPlural = ["'s the low", "is the low", "does the low", "does low", "'s low", "it matter", "of it?",
                                 "about it!", "what's that?", "what is that?", "leave it out", "mix it up", "it matters"]
    static let wrongForSingular = ["are the base", "do the base", "they matter", "of them?", "about them!", "those?",
                                   "leave them out", "mix them up", "base case matter "]

    func questions(_ mode: String, gap: String) async throws -> [String] {
        var out: [String] = []
        var asked: [String] = []
        for number in 1...24 {
            let turn = TurnContext(topic: "binary search", mode: mode, number: number,
                                   explanation: "It looks at the middle of the list.",
                                   analysis: Analysis(confidenceScore: 0.8, clarityScore: 0.9, knowledgeGaps: [gap]),
                                   history: [], asked: asked, question: nil)
            let q = try await host.fallbackQuestion(mode: mode, turn: turn)
            asked.append(q)
            if q.lowercased().contains(gap) { out.append(q) }
        }
        return out
    }

    @Test(arguments: ["socratic", "contrarian", "five-year-old", "anxious"])
    func conceptQuestionsAgreeWithSingularAndPluralConcepts(mode: String) async throws {
        for (gap, wrong) in [("low and high bounds", Self.wrongForPlural), ("base case", Self.wrongForSingular)] {
            let asked = try await questions(mode, gap: gap)
            #expect(asked.count >= 3, "\(mode) asked about \(gap): \(asked)")
            for q in asked {
                let l = q.lowercased()
                #expect(!wrong.contains { l.contains($0) }, "\(mode): \(q)")
                #expect(!l.contains("  ") && !l.contains("{"), "\(mode): \(q)")
            }
            if gap.hasSuffix("bounds") {
                #expect(asked.allSatisfy { $0.contains("the low and high bounds") }, "a plural of several words takes 'the': \(asked)")
            }
        }
    }
}

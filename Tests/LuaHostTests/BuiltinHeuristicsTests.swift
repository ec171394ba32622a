import Foundation
import Testing
@testable import LuaHost
import TeachBack

/// The shipped heuristics on fixed texts, against values worked out by hand from their formulas
/// (each plugin's header comment states its formula).
@Suite struct BuiltinHeuristicsTests {
    let host: LuaScriptHost

    init() throws { host = try ScriptFixtures.builtinHost() }

    func result(_ heuristic: String, _ text: String, topic: String = "recursion") async throws -> HeuristicResult {
        let report = await host.analyze(text, context: ScriptFixtures.context(topic: topic))
        #expect(report.problems.isEmpty, "\(report.problems)")
        return try #require(report.results.first { $0.name == heuristic })
    }

    func confidence(_ text: String) async throws -> Double {
        try #require(try await result("hedging", text).confidenceScore)
    }

    @Test func hedgingLowersAndBoostingRaisesConfidencePerSentence() async throws {
        #expect(abs(try await confidence("I think it works.") - 0.3) < 1e-9)
        #expect(abs(try await confidence("It definitely works.") - 1.0) < 1e-9, "0.7 + 0.2 booster + 0.1 committed")
        #expect(abs(try await confidence("I think it is definitely right. It works.") - 0.6) < 1e-9)
        #expect(abs(try await confidence("It is a kind of tree.") - 0.8) < 1e-9, "'a kind of' is no hedge; committed")
        #expect(abs(try await confidence("It takes log2 of n steps.") - 0.9) < 1e-9, "committed and precise")
        #expect(abs(try await confidence("I think it maybe takes log2 of n steps.") - 0.4) < 1e-9, "hedged, then precise")
    }

    @Test func readabilityUsesFleschOnTheReferenceSentence() async throws {
        let r = try await result("readability", "The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.")
        #expect(abs((r.clarityScore ?? 0) - 0.620313) < 1e-5)
        #expect(r.notes.contains("flesch_kincaid_grade: 11.3"))
        #expect(r.notes.contains("flesch_reading_ease: 37.5"))
    }

    @Test func jargonFlagsUndefinedTermsButNotDefinedOnes() async throws {
        let r = try await result("jargon", "Memoization and thunks with CPS and the JIT and TCO.")
        #expect(r.unexplainedJargon.count == 5)
        #expect(r.unexplainedJargon.contains("CPS"))
        #expect(abs((r.clarityScore ?? 0) - 0.55) < 1e-9)
        let defined = try await result("jargon", "Memoization means caching the results of a function. It makes recursion fast.")
        #expect(!defined.unexplainedJargon.map { $0.lowercased() }.contains("memoization"))
    }

    @Test func coverageFindsTheTopicPacksMissingConceptsByStem() async throws {
        let good = try await result("coverage", "The base case stops the recursion, and each recursive call works on a smaller subproblem.")
        #expect(!good.knowledgeGaps.contains("base case"))
        let poor = try await result("coverage", "It is a function that calls itself.")
        #expect(poor.knowledgeGaps.contains("base case"))
        let unknown = try await result("coverage", "Tides go up and down.", topic: "tides")
        #expect(unknown.knowledgeGaps == ["no concrete example", "no definition of the key term", "no explanation of why", "no limits or edge cases"])
    }

    @Test func structureNamesExamplesAnalogiesStepsAndDefinitions() async throws {
        let r = try await result("structure", """
        A stack is a pile of things. Think of it like plates in a cafeteria. For example, push 3 then push 5. \
        First you push, then you pop, finally it is empty.
        """)
        #expect(r.strengths == ["uses a concrete example", "uses an analogy", "explains step by step", "defines its terms"])
        #expect(r.clarityScore == 1.0)
        let bare = try await result("structure", "Stacks exist.")
        #expect(bare.strengths.isEmpty)
    }

    @Test func allHeuristicsCombineIntoOneLocalAnalysisAndScaleLinearly() async throws {
        let sentence = "Recursion is when a function calls itself, for example factorial. I think the base case stops it. "
        let report = await host.analyze(String(repeating: sentence, count: 20), context: ScriptFixtures.context())
        #expect(report.results.map(\.name) == ["coverage", "hedging", "jargon", "readability", "structure", "vagueness"])
        #expect(report.analysis.source == .local)
        #expect(report.analysis.strengths.contains("uses a concrete example"))
        let big = await host.analyze(String(repeating: sentence, count: 600), context: ScriptFixtures.context())
        #expect(big.problems.isEmpty, "10,000 words stay within the budget")
    }
}

extension BuiltinHeuristicsTests {
    @Test func vaguenessLowersClarityByItsFormula() async throws {
        let plain = try await result("vagueness", "The base case returns 1 when n is 0.")
        #expect(abs((plain.clarityScore ?? 0) - 0.95) < 1e-9)
        // sort of, some point, kind of = 3 points, I think + maybe = 1; content-free: 0.95 - 0.9 - 0.3 < 0.05
        let vague = try await result("vagueness", "I think it maybe sort of stops at some point, kind of, when the problem is small.")
        #expect(abs((vague.clarityScore ?? 0) - 0.05) < 1e-9)
        let combined = await host.analyze("I think it maybe sort of stops at some point, kind of, when the problem is small.",
                                          context: ScriptFixtures.context())
        #expect(combined.analysis.clarityScore < 0.5, "the issue's vague sentence read as clear (0.83) before")
    }
}

extension BuiltinHeuristicsTests {
    @Test func declaredAndNamedMultiWordTermsAreJargonUntilDefined() async throws {
        #expect(try await result("jargon", "Each call gets its own stack frame.").unexplainedJargon == ["stack frame"])
        #expect(try await result("jargon", "Each call gets its own stack frame, which holds its variables.").unexplainedJargon.isEmpty)
        #expect(try await result("jargon", "Its momentum stays the same.", topic: "newton's laws").unexplainedJargon == ["momentum"],
                "a common word the pack declares is a term")
        #expect(try await result("jargon", "Then the Krebs cycle releases energy.", topic: "cells").unexplainedJargon == ["Krebs cycle"],
                "a name before a technical head is a term, not a name")
        #expect(try await result("jargon", "Then Dijkstra published it.", topic: "cells").unexplainedJargon.isEmpty)
    }
}

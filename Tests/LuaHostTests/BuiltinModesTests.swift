import Foundation
import Testing
@testable import LuaHost
import TeachBack

/// The shipped personas answer offline, tailored to the analysis, without repeating themselves.
@Suite struct BuiltinModesTests {
    let host: LuaScriptHost
    init() throws { host = try ScriptFixtures.builtinHost() }

    func turn(_ mode: String, number: Int = 1, gaps: [String] = [], jargon: [String] = [], asked: [String] = []) -> TurnContext {
        TurnContext(topic: "recursion", mode: mode, number: number, explanation: "It calls itself with a stack frame.",
                    analysis: Analysis(knowledgeGaps: gaps, unexplainedJargon: jargon), history: [], asked: asked, question: nil)
    }

    @Test func theFourPersonasAreThereWithGreetingsAndSystemPrompts() async throws {
        #expect(Set(await host.modes().map(\.name)) == ["socratic", "contrarian", "five-year-old", "anxious"])
        let session = SessionInfo(id: "s", topic: "hash tables", mode: "socratic", turns: 0)
        for mode in ["socratic", "contrarian", "five-year-old", "anxious"] {
            #expect(try await host.greeting(mode: mode, session: session).contains("hash tables"))
            let prompt = try await host.questionPrompt(mode: mode, turn: turn(mode), session: session)
            #expect(prompt.system.contains("hash tables"))
            #expect(prompt.user.contains("It calls itself with a stack frame."))
        }
    }

    @Test func theFiveYearOldAsksWhatAFlaggedWordMeans() async throws {
        let q = try await host.fallbackQuestion(mode: "five-year-old", turn: turn("five-year-old", jargon: ["stack frame"]))
        #expect(q.lowercased().contains("stack frame"))
    }

    @Test func theAnxiousStudentWorriesAboutAMissingGap() async throws {
        let q = try await host.fallbackQuestion(mode: "anxious", turn: turn("anxious", gaps: ["base case"]))
        #expect(q.lowercased().contains("base case"))
    }

    @Test(arguments: ["socratic", "contrarian", "five-year-old", "anxious"])
    func fallbacksVaryAndNeverRepeatAnAskedQuestion(mode: String) async throws {
        var asked: [String] = []
        for number in 1...12 {
            let q = try await host.fallbackQuestion(mode: mode, turn: turn(mode, number: number, gaps: ["base case"],
                                                                           jargon: ["stack frame"], asked: asked))
            #expect(!q.isEmpty)
            #expect(!asked.map { $0.lowercased() }.contains(q.lowercased()), "\(mode) repeated: \(q)")
            asked.append(q)
        }
        #expect(Set(asked).count == 12)
    }
}

extension BuiltinModesTests {
    /// The question request names earlier questions the teacher has not taken up, not answered
    /// ones, and never the last one (the newest explanation is the reply to it).
    @Test func thePromptRemindsClaudeOfOpenQuestionsOnly() async throws {
        let past = [PastTurn(explanation: "a", question: "Open one?", analysis: Analysis(), answered: false),
                    PastTurn(explanation: "b", question: "Answered one?", analysis: Analysis(), answered: true),
                    PastTurn(explanation: "c", question: "Latest one?", analysis: Analysis(), answered: false)]
        let turn = TurnContext(topic: "recursion", mode: "socratic", number: 4, explanation: "d", analysis: Analysis(),
                               history: past, asked: past.map(\.question), question: nil)
        let user = try await host.questionPrompt(mode: "socratic", turn: turn, session: SessionInfo(id: "s", topic: "recursion",
                                                                                                  mode: "socratic", turns: 3)).user
        let open = try #require(user.components(separatedBy: "not taken up yet").last?.components(separatedBy: "\n\n").first)
        #expect(open.contains("Open one?") && !open.contains("Answered one?") && !open.contains("Latest one?"), "\(user)")
    }
}

extension BuiltinModesTests {
    /// A concept covered only shakily may be followed up; one covered surely never comes back.
    @Test(arguments: ["socratic", "contrarian", "five-year-old", "anxious"])
    func aShakyConceptMayBeFollowedUpASureOneNever(mode: String) async throws {
        func questions(shaky: [String]) async throws -> [String] {
            var asked: [String] = []
            for number in 1...8 {
                let turn = TurnContext(topic: "recursion", mode: mode, number: number, explanation: "It calls itself.",
                                       analysis: Analysis(confidenceScore: 0.8, clarityScore: 0.9), history: [], asked: asked,
                                       covered: ["base case", "recursive call"], shaky: shaky, question: nil)
                asked.append(try await host.fallbackQuestion(mode: mode, turn: turn))
            }
            return asked
        }
        #expect(try await questions(shaky: ["base case"]).contains { $0.contains("base case") })
        #expect(!(try await questions(shaky: [])).contains { $0.contains("base case") || $0.contains("recursive call") })
    }
}


extension BuiltinModesTests {
    /// The five-year-old says back, in the pack's little words, a term the teacher explained.
    @Test func theFiveYearOldExplainsBackATermTheTeacherDefined() async throws {
        let turn = TurnContext(topic: "recursion", mode: "five-year-old", number: 1,
                               explanation: "Each call gets a stack frame, which holds its own variables.",
                               analysis: Analysis(confidenceScore: 0.9, clarityScore: 0.9), history: [], asked: [], question: nil)
        let q = try await host.fallbackQuestion(mode: "five-year-old", turn: turn)
        #expect(q.contains("'stack frame'") && q.contains("the memory one call uses for its own variables"), "\(q)")
        var flagged = turn
        flagged.analysis.unexplainedJargon = ["stack frame"]
        #expect(!(try await host.fallbackQuestion(mode: "five-year-old", turn: flagged)).contains("Did I get it right"))
    }
}

import Foundation
import Testing
@testable import LuaHost
import TeachBack

/// Every spec table and heuristic result is checked against its schema; one bad registration
/// fails its whole file, loudly, and the other files still load.
@Suite struct StrictRegistrationTests {
    static let fallback = "fallback = function() return 'q?' end"

    func loadErrors(_ files: [String: String]) async throws -> [String] {
        let fixtures = try ScriptFixtures(files)
        return await fixtures.relative(try fixtures.host().loadErrors)
    }

    @Test func unknownKeysAreErrorsNamingTheLineAndTheNearestKnownKey() async throws {
        #expect(try await loadErrors(["x.lua": "\nteachback.mode { name = 'm', fallbak = function() return 'q' end }"])
            == ["x.lua:2: teachback.mode: unknown field 'fallbak' (did you mean 'fallback'?)"])
        #expect(try await loadErrors(["x.lua": "teachback.heuristic { name = 'h', analyse = function() end }"])
            == ["x.lua:1: teachback.heuristic: unknown field 'analyse' (did you mean 'analyze'?)"])
        #expect(try await loadErrors(["x.lua": "teachback.command { name = 'c', run = print, zzzzzz = 1 }"])
            == ["x.lua:1: teachback.command: unknown field 'zzzzzz' (known: name, usage, help, run)"])
        #expect(try await loadErrors(["x.lua": "teachback.topic { name = 't', concepts = { { name = 'a', matches = {'a'} } } }"])
            == ["x.lua:1: teachback.topic: concepts item 1: unknown field 'matches' (did you mean 'match'?)"])
        #expect(try await loadErrors(["x.lua": "teachback.mode { 'socratic', name = 'm', \(Self.fallback) }"])
            == ["x.lua:1: teachback.mode: unexpected key [1] (fields are named: name, description, greeting, system, prompt, fallback, temperature, max_tokens)"])
    }

    @Test func initLuaTyposAreErrorsToo() async throws {
        for (config, error) in [
            ("teachback.config { modle = 'x' }", "init.lua:1: teachback.config: unknown field 'modle' (did you mean 'model'?)"),
            ("teachback.config { timeouts = { conect = 2 } }",
             "init.lua:1: teachback.config: unknown field 'timeouts.conect' (did you mean 'timeouts.connect'?)"),
            ("teachback.config { prices = { m = { input = 1, ouput = 2 } } }",
             "init.lua:1: teachback.config: prices['m']: unknown field 'ouput' (did you mean 'output'?)"),
        ] {
            let fixtures = try ScriptFixtures(["init.lua": config])
            let host = try LuaScriptHost(paths: ScriptPaths(builtinRoot: nil, userConfig: fixtures.dir))
            #expect(fixtures.relative(await host.loadErrors) == [error])
            #expect(await host.config == ScriptConfig())
        }
    }

    @Test func aModeWithoutAFallbackIsALoadErrorAndTheSharedOneWorks() async throws {
        #expect(try await loadErrors(["x.lua": "teachback.mode { name = 'm' }"])
            == ["x.lua:1: teachback.mode: field 'fallback' is required (a function of the turn; `persona.fallback` from modes/lib/persona.lua is a shared one)"])
        let fixtures = try ScriptFixtures(["modes/mine.lua": """
        local persona = require("lib.persona")
        teachback.mode { name = "mine", fallback = persona.fallback }
        """])
        try FileManager.default.copyItem(atPath: ScriptFixtures.repositoryRoot + "/modes/lib",
                                         toPath: fixtures.dir + "/modes/lib")
        let host = try LuaScriptHost(paths: ScriptPaths(builtinRoot: nil, userConfig: nil, modeDirs: [fixtures.dir + "/modes"]))
        #expect(await host.loadErrors == [])
        let analysis = Analysis(knowledgeGaps: ["base case"])
        let turn = TurnContext(topic: "recursion", mode: "mine", number: 1, explanation: "e", analysis: analysis,
                               history: [], asked: [], question: nil)
        #expect(try await host.fallbackQuestion(mode: "mine", turn: turn).contains("the base case"))
    }

    @Test func oneBadRegistrationFailsTheWholeFileInOneLineAndTheOthersLoad() async throws {
        let fixtures = try ScriptFixtures([
            "bad.lua": """
            teachback.heuristic { name = "fine", analyze = function() return {} end }
            teachback.command { name = "ok", run = function() end }
            teachback.mode { name = "Bad Name", \(Self.fallback) }
            """,
            "caught.lua": """
            teachback.heuristic { name = "also-fine", analyze = function() return {} end }
            pcall(teachback.heuristic, { name = "h", wieght = 2, analyze = function() end })
            """,
            "good.lua": "teachback.heuristic { name = 'good', analyze = function() return {} end }",
        ])
        let host = try fixtures.host()
        let errors = fixtures.relative(await host.loadErrors).sorted()
        #expect(errors == [
            "bad.lua:3: teachback.mode: field 'name' must match [a-z0-9-]+, got 'Bad Name' — so nothing of bad.lua is loaded (dropped: heuristic fine, command :ok)",
            "caught.lua:2: teachback.heuristic: unknown field 'wieght' (did you mean 'weight'?) — so nothing of caught.lua is loaded (dropped: heuristic also-fine)",
        ])
        #expect(await host.heuristics.map(\.name) == ["good"])
        #expect(await host.commands.isEmpty)
    }

    @Test func heuristicResultsAreCheckedAndScoresNeverRescaled() async throws {
        let fixtures = try ScriptFixtures(["h.lua": """
        teachback.heuristic { name = "good", analyze = function() return { clarity_score = 0.8, confidence_score = 0.6 } end }
        teachback.heuristic { name = "over", analyze = function() return { clarity_score = 1.01 } end }
        teachback.heuristic { name = "hundred", analyze = function() return { clarity_score = 5 } end }
        teachback.heuristic { name = "nan", analyze = function() return { confidence_score = 0/0 } end }
        teachback.heuristic { name = "inf", analyze = function() return { confidence_score = math.huge } end }
        teachback.heuristic { name = "neg", analyze = function() return { clarity_score = -3 } end }
        teachback.heuristic { name = "typo", analyze = function()
          return { bogus_field = 1 }
        end }
        teachback.heuristic { name = "type", analyze = function() return { clarity_score = "high" } end }
        """])
        let report = await try fixtures.host().analyze("text", context: ScriptFixtures.context())
        #expect(report.analysis.clarityScore == 0.8)
        #expect(report.analysis.confidenceScore == 0.6)
        #expect(report.results.map(\.name) == ["good"])
        let messages = fixtures.relative(report.problems.map(\.message))
        #expect(messages == [
            "heuristic 'over' failed: h.lua:2: its result: field 'clarity_score' is 1.01, outside [0, 1]",
            "heuristic 'hundred' failed: h.lua:3: its result: field 'clarity_score' is 5.0, outside [0, 1]",
            "heuristic 'nan' failed: h.lua:4: its result: field 'confidence_score' is nan, outside [0, 1]",
            "heuristic 'inf' failed: h.lua:5: its result: field 'confidence_score' is inf, outside [0, 1]",
            "heuristic 'neg' failed: h.lua:6: its result: field 'clarity_score' is -3.0, outside [0, 1]",
            "heuristic 'typo' failed: h.lua:7: its result: unknown field 'bogus_field' (known: confidence_score, clarity_score, knowledge_gaps, unexplained_jargon, strengths, notes, covered)",
            "heuristic 'type' failed: h.lua:10: its result: field 'clarity_score' must be a number, got string",
        ])
    }

    @Test func scriptsAreNamedShortlySoLuaNeverCutsTheirNames() {
        let cwd = FileManager.default.currentDirectoryPath
        #expect(ScriptPaths.display(cwd + "/personas/q.lua") == "./personas/q.lua")
        #expect(ScriptPaths.display(NSHomeDirectory() + "/.config/teachback/modes/q.lua").hasSuffix("/.config/teachback/modes/q.lua"))
        #expect(ScriptPaths.display("/elsewhere/q.lua") == "/elsewhere/q.lua")
    }

    @Test func theLevenshteinDistanceIsRight() {
        #expect(Schema.distance("fallbak", "fallback") == 1)
        #expect(Schema.distance("", "abc") == 3)
        #expect(Schema.distance("abc", "") == 3)
        #expect(Schema.distance("kitten", "sitting") == 3)
    }
}

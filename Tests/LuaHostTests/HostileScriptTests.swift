import Foundation
import Testing
@testable import LuaHost
import TeachBack

/// Hostile and broken scripts: each is contained, reported with file:line, and the others
/// keep working.
@Suite struct HostileScriptTests {
    static let good = """
    teachback.heuristic { name = "good", analyze = function() return { clarity_score = 0.9 } end }
    teachback.mode { name = "good", fallback = function() return "A fine question?" end }
    """
    var budgets: Budgets {
        var b = Budgets()
        b.heuristic = 0.05
        b.mode = 0.05
        b.command = 0.05
        b.load = 0.05
        return b
    }

    func turn(_ mode: String) -> TurnContext {
        TurnContext(topic: "t", mode: mode, number: 1, explanation: "e", analysis: Analysis(), history: [], asked: [], question: nil)
    }

    @Test(arguments: ["fallback", "prompt", "greeting"])
    func anEndlessLoopInAModeFunctionFailsWithinItsBudget(field: String) async throws {
        let host = try ScriptFixtures([
            "a.lua": Self.good,
            "bad.lua": "teachback.mode { name = 'bad', fallback = function() return 'q?' end,\n \(field) = function() while true do end end }",
        ]).host(budgets: budgets)
        let session = SessionInfo(id: "s", topic: "t", mode: "bad", turns: 0)
        do {
            switch field {
            case "fallback": _ = try await host.fallbackQuestion(mode: "bad", turn: turn("bad"))
            case "prompt": _ = try await host.questionPrompt(mode: "bad", turn: turn("bad"), session: session)
            default: _ = try await host.greeting(mode: "bad", session: session)
            }
            Issue.record("\(field) should have failed")
        } catch {
            #expect(error.message.contains("bad.lua:2:"))
            #expect(error.message.contains("exceeded its time budget"))
        }
        #expect(try await host.fallbackQuestion(mode: "good", turn: turn("good")) == "A fine question?")
    }

    @Test func anEndlessLoopInAHookIsReportedAndTheRestRun() async throws {
        let host = try ScriptFixtures([
            "a.lua": Self.good,
            "hook.lua": "teachback.on_turn(function(turn)\n while true do end\nend)",
        ]).host(budgets: budgets)
        let problems = await host.notify(.turn(turn("good")))
        #expect(problems.count == 1)
        #expect(problems.first?.message.contains("hook.lua:2:") == true)
        #expect(await host.analyze("x", context: ScriptFixtures.context()).analysis.clarityScore == 0.9)
    }

    @Test func wrongReturnTypesAndHugeStringsAreContained() async throws {
        let host = try ScriptFixtures([
            "a.lua": Self.good,
            "types.lua": """
            teachback.heuristic { name = "str", analyze = function() return "not a table" end }
            teachback.heuristic { name = "field", analyze = function() return { clarity_score = "high" } end }
            teachback.heuristic { name = "list", analyze = function() return { knowledge_gaps = { 1, 2 } } end }
            teachback.mode { name = "table", fallback = function() return {} end }
            teachback.mode { name = "huge", fallback = function() return string.rep("why? ", 2000000) end }
            teachback.command { name = "huge", run = function() return string.rep("x", 10000000) end }
            """,
        ]).host()
        let report = await host.analyze("x", context: ScriptFixtures.context())
        #expect(report.analysis.clarityScore == 0.9, "the good heuristic still counts")
        let messages = report.problems.map(\.message)
        #expect(messages.contains { $0.contains("types.lua:1: its result: returned string, expected a table") })
        #expect(messages.contains { $0.contains("field 'clarity_score' must be a number, got string") })
        #expect(messages.contains { $0.contains("field 'knowledge_gaps' item 1 must be a string, got number") })
        await #expect(throws: Problem.self) { try await host.fallbackQuestion(mode: "table", turn: turn("table")) }
        let huge = try await host.fallbackQuestion(mode: "huge", turn: turn("huge"))
        #expect(huge.utf8.count < 5_000)
        #expect(huge.hasSuffix("[cut: 10000000 bytes]"))
        let output = try #require(try await host.runCommand("huge", args: "", session: nil))
        #expect(output.utf8.count < 70_000)
    }

    @Test func aScriptCannotUnprotectItsEnvironmentOrReachAnotherFile() async throws {
        let host = try ScriptFixtures([
            "a.lua": "secret = 'mine'\n" + Self.good,
            "b.lua": """
            teachback.command { name = "meta", run = function()
              local ok, err = pcall(setmetatable, _G, nil)
              local ok2 = pcall(function() return secret end)
              local ok3 = pcall(function() teachback.mode = nil end)
              return tostring(ok) .. " " .. tostring(ok2) .. " " .. tostring(ok3) .. " " .. tostring(getmetatable(_G))
            end }
            """,
        ]).host()
        #expect(try await host.runCommand("meta", args: "", session: nil) == "false false false false")
    }
}

@Suite struct ReviewedEdgeCaseTests {
    @Test func finalizersAreRefusedAndHugeNumbersAreErrorsNotCrashes() async throws {
        let fixtures = try ScriptFixtures([
            "gc.lua": "setmetatable({}, { __gc = function() while true do end end })\nteachback.mode { name = 'gc', fallback = function() return 'q?' end }",
            "huge.lua": "teachback.mode { name = 'huge', max_tokens = math.huge }",
            "ok.lua": "teachback.mode { name = 'ok', fallback = function() return 'q?' end }",
        ])
        let errors = fixtures.relative(await try fixtures.host().loadErrors)
        #expect(errors.contains("gc.lua:1: __gc finalizers are not allowed"))
        #expect(errors.contains("huge.lua:1: teachback.mode: field 'max_tokens' must be an integer from 1 to 1000000"))
        #expect(await try fixtures.host().modes().map(\.name) == ["ok"])
    }
}

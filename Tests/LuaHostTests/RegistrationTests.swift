import Foundation
import Testing
@testable import LuaHost
import TeachBack

@Suite struct RegistrationTests {
    func loadErrors(_ source: String) async throws -> [String] {
        let fixtures = try ScriptFixtures(["x.lua": source])
        return await fixtures.relative(try fixtures.host().loadErrors)
    }

    @Test func missingAndMistypedFieldsAreNamedWithFileAndLine() async throws {
        #expect(try await loadErrors("teachback.mode { description = 'no name' }")
            == ["x.lua:1: teachback.mode: field 'name' is required (a string)"])
        #expect(try await loadErrors("\nteachback.heuristic { name = 'h', weight = 'heavy', analyze = function() end }")
            == ["x.lua:2: teachback.heuristic: field 'weight' must be a number, got string"])
        #expect(try await loadErrors("teachback.mode { name = 'Bad Name' }")
            == ["x.lua:1: teachback.mode: field 'name' must match [a-z0-9-]+, got 'Bad Name'"])
        #expect(try await loadErrors("teachback.heuristic { name = 'h' }")
            == ["x.lua:1: teachback.heuristic: field 'analyze' must be a function, got nil"])
        #expect(try await loadErrors("teachback.topic { name = 't', concepts = { { match = {'x'} } } }")
            == ["x.lua:1: teachback.topic: concepts item 1: field 'name' is required (a string)"])
        #expect(try await loadErrors("teachback.mode 'socratic'")
            == ["x.lua:1: teachback.mode expects a table, got string"])
        #expect(try await loadErrors("teachback.config { model = 'x' }")
            == ["x.lua:1: teachback.config: only init.lua may set the configuration"])
        let badTimeout = try ScriptFixtures(["init.lua": "teachback.config { timeouts = { stall = 0 } }"])
        let host = try LuaScriptHost(paths: ScriptPaths(builtinRoot: nil, userConfig: badTimeout.dir))
        #expect(badTimeout.relative(await host.loadErrors) == ["init.lua:1: teachback.config: field 'timeouts.stall' must be between 0.1 and 600 seconds"])
    }

    @Test func aFileThatRegistersNothingOrFailsToParseIsReportedAndTheRestLoad() async throws {
        let fixtures = try ScriptFixtures([
            "empty.lua": "local x = 1",
            "syntax.lua": "teachback.mode { name = ",
            "good.lua": "teachback.mode { name = 'good', fallback = function() return 'q?' end }",
            "half.lua": "teachback.mode { name = 'half', fallback = function() return 'q?' end }\nerror('late failure')",
        ])
        let errors = fixtures.relative(await try fixtures.host().loadErrors)
        #expect(errors.contains { $0.contains("empty.lua: registers nothing") })
        #expect(errors.contains { $0.hasPrefix("syntax.lua:1:") })
        #expect(errors.contains { $0.contains("half.lua:2: late failure") })
        #expect(await try fixtures.host().modes().map(\.name) == ["good"], "a failing file keeps none of its registrations")
    }

    @Test func registeringAfterLoadIsAnError() async throws {
        let host = try ScriptFixtures(["late.lua": """
        teachback.command { name = "late", run = function()
          teachback.mode { name = "sneaky" }
        end }
        """]).host()
        do {
            _ = try await host.runCommand("late", args: "", session: nil)
            Issue.record("late registration should fail")
        } catch {
            #expect(error.message.contains("late.lua:2: teachback.mode: registration is only allowed while a file loads"))
        }
        #expect(await host.modes().isEmpty)
    }

    @Test func laterFilesWinByNameAndConfigComesFromInitLua() async throws {
        let builtin = try ScriptFixtures([
            "modes/m.lua": "teachback.mode { name = 'm', description = 'built-in', fallback = function() return 'q?' end }",
            "plugins/p.lua": "teachback.heuristic { name = 'p', analyze = function() return {} end }",
        ])
        let user = try ScriptFixtures([
            "modes/other.lua": "teachback.mode { name = 'm', description = 'mine', fallback = function() return 'q?' end }",
            "init.lua": "teachback.config { model = 'claude-test', parallel = false, analytics_every = 3, history_turns = 2, max_retries = 4, timeouts = { connect = 2, stall = 7.5 }, prices = { ['claude-test'] = { input = 3, output = 15 } } }",
        ])
        let host = try LuaScriptHost(paths: ScriptPaths(builtinRoot: builtin.dir, userConfig: user.dir))
        #expect(await host.modes().map(\.description) == ["mine"])
        let config = await host.config
        #expect(config.model == "claude-test")
        #expect(config.parallel == false)
        #expect(config.analyticsEvery == 3)
        #expect(config.historyTurns == 2)
        #expect(config.prices["claude-test"] == Price(input: 3, output: 15))
        #expect(config.maxRetries == 4)
        #expect(config.connectTimeout == 2)
        #expect(config.stallTimeout == 7.5)
        #expect(config.totalTimeout == nil, "unset timeouts keep their defaults")
    }

    @Test func reloadBuildsAFreshStateWithTheFilesAsTheyAreNow() async throws {
        let fixtures = try ScriptFixtures(["c.lua": "counter = 0\nteachback.command { name = 'n', run = function() counter = counter + 1; return tostring(counter) end }"])
        let host = try fixtures.host()
        #expect(try await host.runCommand("n", args: "", session: nil) == "1")
        #expect(try await host.runCommand("n", args: "", session: nil) == "2")
        try "teachback.command { name = 'n', run = function() return 'v2' end }".write(
            toFile: fixtures.dir + "/c.lua", atomically: true, encoding: .utf8)
        let files = await host.reload()
        #expect(files.allSatisfy { $0.error == nil })
        #expect(try await host.runCommand("n", args: "", session: nil) == "v2")
    }

    @Test func hooksAndModeFunctionsSeeTheDocumentedTables() async throws {
        let host = try ScriptFixtures(["m.lua": #"""
        local seen = {}
        teachback.on_turn(function(turn) seen[#seen + 1] = turn.number .. ":" .. turn.question .. ":" .. #turn.history end)
        teachback.on_session_start(function(s) seen[#seen + 1] = "start:" .. s.topic end)
        teachback.mode { name = "m", greeting = function(s) return "hello " .. s.topic .. " " .. s.turns end,
          system = "I learn {topic}.",
          prompt = function(turn) return turn.explanation .. "|" .. table.concat(turn.analysis.knowledge_gaps, ",") end,
          fallback = function(turn) return "q" .. turn.number .. "/" .. #turn.asked end, temperature = 0.5, max_tokens = 99 }
        teachback.command { name = "seen", run = function() return table.concat(seen, " ") end }
        """#]).host()
        let session = SessionInfo(id: "s1", topic: "tcp", mode: "m", turns: 0)
        #expect(try await host.greeting(mode: "m", session: session) == "hello tcp 0")
        let turn = TurnContext(topic: "tcp", mode: "m", number: 2, explanation: "SYN", analysis: Analysis(knowledgeGaps: ["ack", "fin"]),
                               history: [PastTurn(explanation: "e", question: "q1/0", analysis: Analysis())], asked: ["q1/0"], question: nil)
        #expect(try await host.fallbackQuestion(mode: "m", turn: turn) == "q2/1")
        let prompt = try await host.questionPrompt(mode: "m", turn: turn, session: session)
        #expect(prompt == QuestionPrompt(system: "I learn tcp.", user: "SYN|ack,fin", temperature: 0.5, maxTokens: 99))
        _ = await host.notify(.sessionStart(session))
        var done = turn
        done.question = "q2/1"
        _ = await host.notify(.turn(done))
        #expect(try await host.runCommand("seen", args: "", session: nil) == "start:tcp 2:q2/1:1")
    }
}

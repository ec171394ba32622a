import Foundation
import Testing
@testable import LuaHost
import TeachBack

/// `teachback.log` and `print`, from every place a script runs, reach the log with `file:line`.
@Suite struct ScriptLogTests {
    static let script = """
    teachback.log("loading")
    print("printed", 1, true)
    teachback.heuristic { name = "h", analyze = function(text)
      teachback.log("analyze " .. #text)
      return {}
    end }
    teachback.mode { name = "m", fallback = function(turn)
      print("fallback " .. turn.number)
      return "Why?"
    end }
    teachback.command { name = "c", run = function(args, session)
      teachback.log("command " .. args .. " " .. tostring(session))
    end }
    teachback.on_turn(function(turn) teachback.log("hook " .. turn.number) end)
    """

    @Test func everyKindOfCallLogsWithFileAndLine() async throws {
        let fixtures = try ScriptFixtures(["x.lua": Self.script])
        let host = try fixtures.host()
        _ = await host.analyze("four", context: ScriptFixtures.context())
        let turn = TurnContext(topic: "t", mode: "m", number: 2, explanation: "e", analysis: Analysis(), history: [], asked: [], question: nil)
        _ = try await host.fallbackQuestion(mode: "m", turn: turn)
        _ = try await host.runCommand("c", args: "go", session: nil)
        _ = await host.notify(.turn(turn))
        #expect(fixtures.relative(host.log.last().map(\.text)) == [
            "x.lua:1: loading", "x.lua:2: printed\t1\ttrue", "x.lua:4: analyze 4", "x.lua:8: fallback 2",
            "x.lua:12: command go nil", "x.lua:14: hook 2",
        ])
    }

    @Test func theRingKeepsTheLast500LinesAndEchoesEachAtOnce() async throws {
        let echoed = Protected<[String]>([])
        let log = ScriptLog(echo: { line in echoed.withLock { $0.append(line.message) } })
        let fixtures = try ScriptFixtures(["x.lua": "for i = 1, 600 do print(i) end\nteachback.mode { name = 'm', fallback = function() return 'q' end }"])
        _ = try LuaScriptHost(paths: ScriptPaths(builtinRoot: nil, userConfig: nil, pluginDirs: [fixtures.dir]), log: log)
        #expect(log.last().count == 500)
        #expect(log.last().first?.message == "101")
        #expect(log.last(2).map(\.message) == ["599", "600"])
        #expect(echoed.withLock { $0.count } == 600)
    }

    @Test func theLogOutlivesReload() async throws {
        let fixtures = try ScriptFixtures(["x.lua": Self.script])
        let host = try fixtures.host()
        await host.reload()
        #expect(host.log.last().filter { $0.message == "loading" }.count == 2)
    }
}

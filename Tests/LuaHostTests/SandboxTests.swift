import Foundation
import Testing
@testable import LuaHost
import TeachBack

@Suite struct SandboxTests {
    /// A command that reports, for each name, whether reaching it raised or gave nil.
    static let probe = #"""
    local names = { "io", "debug", "package", "dofile", "loadfile", "require_c", "string.dump", "os.execute",
                    "os.exit", "os.getenv", "os.remove", "collectgarbage_stop", "getmetatable_string" }
    local checks = {
      io = function() return io end,
      debug = function() return debug end,
      package = function() return package end,
      dofile = function() return dofile end,
      loadfile = function() return loadfile end,
      require_c = function() return require("socket.core") end,
      ["string.dump"] = function() return string.dump end,
      ["os.execute"] = function() return os.execute end,
      ["os.exit"] = function() return os.exit end,
      ["os.getenv"] = function() return os.getenv end,
      ["os.remove"] = function() return os.remove end,
      collectgarbage_stop = function() return collectgarbage("stop") end,
      getmetatable_string = function() return getmetatable("") end,
    }
    teachback.command { name = "probe", run = function()
      local out = {}
      for _, name in ipairs(names) do
        local ok, value = pcall(checks[name])
        out[#out + 1] = name .. "=" .. ((not ok or not value) and "absent" or "PRESENT")
      end
      return table.concat(out, " ")
    end }
    """#

    @Test func everyForbiddenLibraryIsReallyAbsent() async throws {
        let host = try ScriptFixtures(["probe.lua": Self.probe]).host()
        let report = try #require(try await host.runCommand("probe", args: "", session: nil))
        for entry in report.split(separator: " ") {
            #expect(entry.hasSuffix("=absent"), "\(entry)")
        }
        #expect(report.split(separator: " ").count == 13)
    }

    @Test func binaryChunksAreRefusedAndTextLoadsInTheScriptsOwnEnvironment() async throws {
        let host = try ScriptFixtures(["load.lua": #"""
        secret = 42
        teachback.command { name = "load", run = function()
          local f, err = load("\27Lua\84\0\25\147\13\10\26\10", "bin")
          local g = load("return secret")
          return tostring(f) .. "|" .. tostring(err):match("binary") .. "|" .. tostring(g())
        end }
        """#]).host()
        #expect(try await host.runCommand("load", args: "", session: nil) == "nil|binary|42")
    }

    @Test func undefinedGlobalsRaiseAndOneFilesGlobalsAreInvisibleToAnother() async throws {
        let host = try ScriptFixtures([
            "a.lua": #"""
            shared_name = "from a"
            teachback.command { name = "a", run = function() string.upper = nil end }
            teachback.command { name = "typo", run = function() return undefined_thing end }
            """#,
            "b.lua": #"""
            teachback.command { name = "b", run = function()
              rawset(string, "upper", function() return "hijacked" end)
              return tostring(rawget(_G, "shared_name"))
            end }
            """#,
            "c.lua": #"""
            teachback.command { name = "c", run = function() return ("x"):upper() .. string.upper("y") end }
            """#,
        ]).host()
        await #expect(throws: Problem.self) { try await host.runCommand("typo", args: "", session: nil) }
        do {
            _ = try await host.runCommand("typo", args: "", session: nil)
        } catch {
            #expect(error.message.contains("a.lua:3:"))
            #expect(error.message.contains("undefined global 'undefined_thing'"))
        }
        await #expect(throws: Problem.self) { try await host.runCommand("a", args: "", session: nil) }
        #expect(try await host.runCommand("b", args: "", session: nil) == "nil")
        // b's rawset changed only b's own view of `string`; the real library is intact.
        #expect(try await host.runCommand("c", args: "", session: nil) == "XY")
    }

    @Test func requireResolvesOnlyInsideThePluginsOwnDirectory() async throws {
        let fixtures = try ScriptFixtures([
            "main.lua": #"""
            local helper = require("lib.helper")
            teachback.command { name = "req", run = function()
              local ok, err = pcall(require, "../../etc/passwd")
              return helper.greet() .. "|" .. tostring(ok) .. "|" .. tostring(err):match("bad module name")
            end }
            """#,
            "lib/helper.lua": "return { greet = function() return 'hi' end }",
        ])
        let host = try fixtures.host()
        #expect(try await host.runCommand("req", args: "", session: nil) == "hi|false|bad module name")
        #expect(await host.loadErrors.isEmpty, "lib/ holds modules for require, not scripts to load")
    }
}

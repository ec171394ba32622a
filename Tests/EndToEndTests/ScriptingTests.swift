import Foundation
import Testing

/// What a script author sees from the real binary: the log, load errors, `check` and `new`.
@Suite struct ScriptingTests {
    /// A home whose config holds `plugins/<name>` files.
    static func home(plugins: [String: String]) throws -> String {
        let home = try Binary.sandbox()
        let dir = home + "/config/teachback/plugins"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, text) in plugins { try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8) }
        return home
    }

    static let logging = """
    print("loaded")
    teachback.heuristic { name = "talker", analyze = function(text)
      teachback.log("saw " .. #text .. " bytes")
      return {}
    end }
    """

    @Test func verboseAnalyzeAndAskPrintTheLogOnStderr() throws {
        let home = try Self.home(plugins: ["talker.lua": Self.logging])
        for command in ["analyze", "ask"] {
            let result = try Binary.run([command, "--topic", "recursion", "--verbose"], input: "hello", home: home)
            #expect(result.status == 0)
            #expect(result.stderr.contains("/plugins/talker.lua:1: loaded\n"))
            #expect(result.stderr.contains("/plugins/talker.lua:3: saw 5 bytes\n"))
        }
        let quiet = try Binary.run(["analyze", "--topic", "recursion"], input: "hello", home: home)
        #expect(!quiet.stderr.contains("saw 5 bytes"))
        let record = #"{"id": "s1", "topic": "t", "conversation_history": [{"role": "user", "content": "hello"}], "analyses": [{"confidence_score": 0.5, "clarity_score": 0.5}]}"#
        try (record + "\n").write(toFile: home + "/s.jsonl", atomically: true, encoding: .utf8)
        let rescore = try Binary.run(["rescore", "--verbose", "--user-plugins", "--jobs", "2", home + "/s.jsonl"], home: home)
        #expect(rescore.status == 0)
        #expect(rescore.stderr.contains("/plugins/talker.lua:3: saw 5 bytes\n"))
    }

    @Test func replShowsTheLogAndThePluginsListItsLastLines() throws {
        let home = try Self.home(plugins: ["talker.lua": Self.logging])
        let result = try Binary.run([], input: ":teach recursion\nhello there\n:log 5\n:plugins\n:log x\n:quit\n", home: home)
        let file = home + "/config/teachback/plugins/talker.lua"
        #expect(result.stdout.contains("\(file):1: loaded\n\(file):3: saw 11 bytes"))
        #expect(result.stdout.contains("log of \(file):\n  \(file):1: loaded\n  \(file):3: saw 11 bytes"))
        #expect(result.stderr.contains("usage: :log [N]"))
    }

    @Test func aBrokenModeWarnsOnceWithFileAndLineAndItsStandInQuestionVaries() throws {
        let home = try Binary.sandbox()
        try FileManager.default.createDirectory(atPath: home + "/modes", withIntermediateDirectories: true)
        try """
        teachback.mode { name = "broken", fallback = function(turn)
          return nil .. "x"
        end }
        """.write(toFile: home + "/modes/broken.lua", atomically: true, encoding: .utf8)
        let input = ":teach recursion\nRecursion uses a stack frame.\nIt calls itself until it stops.\n:quit\n"
        let result = try Binary.run(["--modes", home + "/modes", "--mode", "broken"], input: input, home: home)
        let warnings = result.stderr.split(separator: "\n").filter { $0.contains("warning:") }
        #expect(warnings.count == 1, "one warning for one failure: \(warnings)")
        #expect(warnings.first?.contains("broken.lua:2: attempt to concatenate a nil value") == true)
        #expect(!result.stderr.contains("using the local fallback"))
        let questions = result.stdout.split(separator: "\n").filter { $0.hasPrefix("student› ") }.dropFirst()
        #expect(questions.count == 2)
        #expect(Set(questions).count == 2, "the stand-in question does not repeat word for word")
    }

    @Test func ctrlCStopsALoopingScriptAndALongMatchAndReturnsToThePrompt() throws {
        let home = try Self.home(plugins: ["slow.lua": """
        teachback.command { name = "spin", run = function() while true do end end }
        teachback.command { name = "match", run = function() return tostring(string.rep("a", 50000):find(".-.-.-.-x")) end }
        """])
        let term = try Terminal([], home: home)
        var at = term.expect("> ")
        for command in ["spin", "match"] {
            term.type(":\(command)\r")
            usleep(400_000)   // well inside the command's 2 s budget
            kill(term.process.processIdentifier, SIGINT)   // what Ctrl-C sends (the test pty is not the controlling terminal)
            at = term.expect("slow.lua:", after: at)
            // Stopped by Ctrl-C, not by the budget running out.
            at = term.expect("interrupted", after: at)
            at = term.expect("> ", after: at)
        }
        #expect(!term.transcript.contains("exceeded its time budget"))
        term.type(":quit\r")
        #expect(term.waitForExit() == 0)
    }

    @Test func reloadAppliesInitLuaAgainAndSaysWhatChanged() throws {
        let home = try Binary.sandbox()
        let config = home + "/config/teachback"
        try FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
        try "teachback.config { model = 'claude-a', parallel = true }".write(toFile: config + "/init.lua", atomically: true, encoding: .utf8)
        // A key and a base URL naming no host: nothing is ever sent, but the backend is Claude.
        let term = try Terminal([], home: home, extra: ["ANTHROPIC_API_KEY": "test-key", "ANTHROPIC_BASE_URL": "http://127.0.0.1:9"])
        var at = term.expect("> ")
        term.type(":backend\r")
        at = term.expect("model: claude-a", after: at)
        try """
        teachback.config { model = 'claude-b', parallel = false, max_retries = 0, timeouts = { total = 30 },
          prices = { ['claude-b'] = { input = 3, output = 15 } } }
        """.write(toFile: config + "/init.lua", atomically: true, encoding: .utf8)
        term.type(":reload\r")
        at = term.expect("init.lua: model: claude-a → claude-b", after: at)
        at = term.expect("init.lua: parallel: true → false", after: at)
        at = term.expect("init.lua: prices: (default) → claude-b 3.0/15.0", after: at)
        at = term.expect("init.lua: timeouts.total: (default) → 30.0", after: at)
        at = term.expect("init.lua: max_retries: (default) → 0", after: at)
        term.type(":backend\r")
        at = term.expect("model: claude-b", after: at)
        term.type(":parallel\r")
        at = term.expect("parallel: off", after: at)
        term.type(":quit\r")
        #expect(term.waitForExit() == 0)
    }

    @Test func newWritesWorkingTemplatesThatCheckPassesAndReloadPicksUp() throws {
        let home = try Binary.sandbox()
        let term = try Terminal([], home: home)
        var at = term.expect("> ")
        let persona = try Binary.run(["new", "persona", "pirate"], home: home)
        #expect(persona.status == 0)
        let path = home + "/config/teachback/modes/pirate.lua"
        #expect(persona.stdout == path + "\n")
        let heuristic = try Binary.run(["new", "heuristic", "examples"], home: home)
        #expect(heuristic.stdout == home + "/config/teachback/plugins/examples.lua\n")
        try "-- mine".write(toFile: path, atomically: true, encoding: .utf8)
        let again = try Binary.run(["new", "persona", "pirate"], home: home)
        #expect(again.status == 1)
        #expect(again.stderr.contains("already exists; not overwritten"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "-- mine")
        try FileManager.default.removeItem(atPath: path)
        #expect(try Binary.run(["new", "persona", "pirate"], home: home).status == 0)
        #expect(try Binary.run(["new", "heuristic", "Bad Name"], home: home).status == 2)

        let check = try Binary.run(["check", path, home + "/config/teachback/plugins"], home: home)
        #expect(check.status == 0)
        #expect(check.stdout.isEmpty)
        #expect(check.stderr == "checked 2 files: no problems\n")

        term.type(":reload\r:mode pirate\r:teach tides\r")
        at = term.expect("now asking as pirate", after: at)
        at = term.expect("I'd like to learn about tides", after: at)
        term.type("Tides come from the moon's gravity.\r")
        at = term.expect("student› ", after: at)
        term.type(":log 1\r")
        at = term.expect("examples.lua:21: 6 words, 0 example markers", after: at)
        term.type(":quit\r")
        #expect(term.waitForExit() == 0)
    }

    @Test func checkReportsEveryProblemWithFileAndLineAndExitsOne() throws {
        let home = try Binary.sandbox()
        let dir = home + "/scripts"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try """
        teachback.mode { name = "nil-q", fallback = function(turn)
          return nil
        end }
        teachback.heuristic { name = "big", analyze = function(text) return { clarity_score = 2 } end }
        """.write(toFile: dir + "/bad.lua", atomically: true, encoding: .utf8)
        try "teachback.mode { name = 'x', fallbak = function() return 'q' end }".write(toFile: dir + "/typo.lua", atomically: true, encoding: .utf8)
        let check = try Binary.run(["check", dir], home: home)
        #expect(check.status == 1)
        let lines = check.stdout.split(separator: "\n").map(String.init)
        #expect(lines == [
            "\(dir)/typo.lua:1: teachback.mode: unknown field 'fallbak' (did you mean 'fallback'?)",
            "heuristic 'big' failed: \(dir)/bad.lua:4: its result: field 'clarity_score' is 2.0, outside [0, 1]",
            "\(dir)/bad.lua:1: mode 'nil-q' fallback returned nil, expected a string",
        ])
        #expect(check.stderr == "checked 2 files: 3 problems\n")
        #expect(try Binary.run(["check", home + "/missing.lua"], home: home).status == 2)
    }
}

import Foundation
import Testing

@Suite struct CommandLineTests {
    static let explanation = """
    Recursion is when a function calls itself to solve a smaller version of the same problem. \
    For example, factorial of 5 is 5 times factorial of 4. The base case stops it: factorial of 0 is 1.
    """

    @Test func askJsonPrintsExactlyTheDocumentedObject() throws {
        let result = try Binary.run(["ask", "--topic", "recursion", "--json"], input: Self.explanation, home: try Binary.sandbox())
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["session_id", "number", "question", "analysis", "topic", "mode", "backend", "fallback_reason",
                                     "timings_ms", "usage", "saved"])
        #expect(object["saved"] as? Bool == true)
        #expect(object["number"] as? Int == 1)
        #expect(object["topic"] as? String == "recursion")
        #expect(object["mode"] as? String == "socratic")
        #expect((object["question"] as? String)?.isEmpty == false)
        #expect(object["backend"] as? [String: String] == ["analysis": "local", "question": "fallback"])
        #expect(object["fallback_reason"] is NSNull)
        let timings = try #require(object["timings_ms"] as? [String: Any])
        #expect(Set(timings.keys) == ["total", "analysis", "first_token"])
        #expect(object["usage"] as? [String: Int] == ["input_tokens": 0, "output_tokens": 0])
        let analysis = try #require(object["analysis"] as? [String: Any])
        #expect(Set(analysis.keys) == ["confidence_score", "clarity_score", "knowledge_gaps", "unexplained_jargon", "strengths", "source"])
    }

    @Test func analyzeJsonPrintsTheAnalysisAndATimingLine() throws {
        let words = Array(repeating: Self.explanation, count: 6).joined(separator: " ")
        let result = try Binary.run(["analyze", "--topic", "recursion", "--json", "--verbose"], input: words, home: try Binary.sandbox())
        #expect(result.status == 0)
        let analysis = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(analysis["source"] as? String == "local")
        let line = try #require(result.stderr.split(separator: "\n").first { $0.hasPrefix("lua: ") })
        let ms = try #require(Double(line.dropFirst(5).prefix { $0 != " " }))
        #expect(ms < 100, "sanity bound only; `make bench` measures it")
    }

    @Test func usageErrorsExitWithTwoAndVersionAndHelpWork() throws {
        let home = try Binary.sandbox()
        #expect(try Binary.run(["ask"], home: home).status == 2)
        #expect(try Binary.run(["--bogus-flag"], home: home).status == 2)
        #expect(try Binary.run(["ask", "--topic", "x"], input: "", home: home).status == 2)
        #expect(try Binary.run(["ask", "--topic", "x", "--mode", "nobody"], input: "text", home: home).status == 2)
        let version = try Binary.run(["--version"], home: home)
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("teachback "))
        let help = try Binary.run(["--help"], home: home)
        #expect(help.stdout.contains("analyze"))
    }

    @Test func aPersonaOutsideTheRepoWorksAndABrokenOneIsReportedWithoutStoppingIt() throws {
        let home = try Binary.sandbox()
        let dir = home + "/my-modes"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try """
        teachback.mode {
          name = "pirate",
          description = "Asks like a pirate",
          greeting = "Arr, teach me {topic}!",
          fallback = function(turn)
            local gap = turn.analysis.knowledge_gaps[1] or "treasure"
            return "Arr, what be " .. gap .. "? (turn " .. turn.number .. ")"
          end,
        }
        """.write(toFile: dir + "/pirate.lua", atomically: true, encoding: .utf8)
        try "teachback.mode {\n  name = \"broken\",\n  fallback = function() return nil .. 1 end,\n}\nlocal x = nil + 1\n"
            .write(toFile: dir + "/broken.lua", atomically: true, encoding: .utf8)
        let result = try Binary.run(["ask", "--topic", "recursion", "--mode", "pirate", "--modes", dir],
                                    input: "It calls itself.", home: home)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Arr, what be "))
        #expect(result.stdout.contains("(turn 1)"))
        #expect(result.stderr.contains("broken.lua:5:"))
        let repl = try Binary.run(["--modes", dir], input: ":modes\n:mode pirate\n:teach tides\n", home: home)
        #expect(repl.stdout.contains("pirate"))
        #expect(repl.stdout.contains("Arr, teach me tides!"))
    }
}

@Suite struct DoctorTests {
    @Test func doctorReportsEachCheckAndFailsOnAnUnreachableBaseURL() throws {
        let home = try Binary.sandbox()
        let offline = try Binary.run(["doctor"], home: home)
        #expect(offline.status == 0)
        for check in ["toolchain", "http: libcurl", "lua: Lua 5.4", "API key: ANTHROPIC_API_KEY is not set", "config dir", "scripts: "] {
            #expect(offline.stdout.contains(check), "\(check)")
        }
        let key = "tb-test-doctor-secret-0123456789"
        let unreachable = try Binary.run(["doctor"], home: home,
                                         extra: ["ANTHROPIC_API_KEY": key, "ANTHROPIC_BASE_URL": "http://127.0.0.1:9"])
        #expect(unreachable.status == 1)
        #expect(unreachable.stdout.contains("FAIL base URL: http://127.0.0.1:9"))
        #expect(unreachable.stdout.contains("tb-test…6789"), "the key is shown masked")
        #expect(!unreachable.stdout.contains(key) && !unreachable.stderr.contains(key))
    }
}

@Suite struct MissingDefaultPersonaTests {
    @Test func aBrokenDefaultPersonaDoesNotStopTheProgram() throws {
        let home = try Binary.sandbox()
        let dir = home + "/config/teachback/modes"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "teachback.mode { name = ".write(toFile: dir + "/socratic.lua", atomically: true, encoding: .utf8)
        let result = try Binary.run([], input: ":teach tides\nThe moon pulls the sea.\n", home: home)
        #expect(result.status == 0)
        #expect(result.stderr.contains("socratic.lua:1:"))
        #expect(result.stdout.contains("student› "))
        #expect(try Binary.run(["doctor"], home: home).stdout.contains("scripts: "))
    }
}

@Suite struct CommandLineRoughEdgeTests {
    @Test func aNegativeDayCountIsExplainedNotMistakenForAFlag() throws {
        let result = try Binary.run(["progress", "--days", "-3"], home: try Binary.sandbox())
        #expect(result.status == 2)
        #expect(result.stderr.contains("--days must be at least 1"), "\(result.stderr)")
    }

    @Test func sessionsSayTurnInTheSingularAndJSONExportsKeepEmptyListsOnOneLine() throws {
        let home = try Binary.sandbox()
        _ = try Binary.run(["--offline"], input: ":teach tides\nThe moon pulls the sea.\n", home: home)
        #expect(try Binary.run(["sessions"], home: home).stdout.contains("  1 turn  socratic · tides"))
        let export = try Binary.run(["export", "--format", "json"], home: home).stdout
        #expect(export.contains("\"strengths\" : []") || export.contains("\"unexplained_jargon\" : []"), "\(export.prefix(600))")
        #expect(!export.contains("[\n\n"), "no empty array over three lines")
    }

    @Test func shellCompletionScriptsAreGenerated() throws {
        for shell in ["bash", "zsh", "fish"] {
            let result = try Binary.run(["--generate-completion-script", shell], home: try Binary.sandbox())
            #expect(result.status == 0)
            #expect(result.stdout.contains("teachback"))
            #expect(result.stdout.contains("rescore"), "subcommands are completed")
        }
    }
}

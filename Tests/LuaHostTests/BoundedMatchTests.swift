import Foundation
import Testing
@testable import LuaHost
import TeachBack

/// The bounded matcher gives Lua's results, and unlike Lua's it stops at the call's budget.
@Suite struct BoundedMatchTests {
    static let atoms = ["a", "b", ".", "%a", "%d", "%s", "%w", "%W", "[ab]", "[^a]", "[a-c]", "[%a_]", "[]]", "[^]]",
                        "%%", "(", ")", "()", "%b()", "%f[%w]", "%f[%W]", "*", "+", "-", "?", "^", "$", "%1", "%2",
                        "x", "%", "[", "%.", "%(", " "]
    static let letters = Array("ab()x _1.A")

    @Test func agreesWithLuaOnHandPickedCases() {
        let runner = PatternDifferential.Runner()
        let cases: [(String, String)] = [
            ("(%w+)=(%w+)", "a=1, b=2"), ("%bxy", "xxyxyy"), ("%f[%a]%a+", "THE (quick) fox"), ("^(a*)(.-)$", "aaab"),
            ("()", "abc"), ("(a)(b)%2%1", "abba"), ("[%]]", "]"), ("[a-]", "-"), ("a-b", "aaab"), ("$", "abc"),
            ("a$b", "a$b"), ("%", "x"), ("[a", "a"), ("(()", "a"), ("%1", "a"), ("%f", "a"), ("%bx", "x"),
            ("(a", "a"), ("a)", "a"), ("", ""), ("^", "abc"), (".-", "abc"), ("[^%s]+", " one two "),
            (String(repeating: "(", count: 33) + String(repeating: ")", count: 33), "x"),
            (String(repeating: "a?", count: 250), String(repeating: "a", count: 10)),
        ]
        for (pattern, subject) in cases {
            for initial in [nil, 1, 0, 2, -2, 50] {
                let diff = runner.differences(pattern: pattern, subject: subject, initial: initial)
                #expect(diff.isEmpty, "\(diff)")
            }
        }
    }

    @Test func agreesWithLuaOnRandomPatternsAndSubjects() {
        var generator = SplitMix(seed: 9)
        let runner = PatternDifferential.Runner()
        var failures: [String] = []
        for _ in 0..<4_000 where failures.count < 5 {
            let pattern = (0..<Int.random(in: 1...6, using: &generator)).map { _ in Self.atoms.randomElement(using: &generator)! }.joined()
            let subject = String((0..<Int.random(in: 0...12, using: &generator)).map { _ in Self.letters.randomElement(using: &generator)! })
            let initial = [nil, 1, 3, -1, 0, 20].randomElement(using: &generator)!
            let diff = runner.differences(pattern: pattern, subject: subject, initial: initial)
            if !diff.isEmpty { failures.append(diff) }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test(arguments: [
        #"string.rep("a", 50000):find(".-.-.-.-x")"#,
        #"string.rep("a", 50000):match("(.-)(.-)(.-)(.-)x")"#,
        #"for _ in string.rep("a", 50000):gmatch(".-.-.-.-x") do end"#,
        #"string.rep("a", 50000):gsub(".-.-.-.-x", "")"#,
        #"string.rep("a", 2^24):find(string.rep("a", 2^23) .. "b", 1, true)"#,
        #"table.move({}, 1, 1e12, 2)"#,
        #"table.concat(setmetatable({}, { __index = rawlen }), "", 1, 1e12)"#,
        #"local t = {} for i = 1, 300000 do t[i] = i end for _ = 1, 100 do table.sort(t, rawequal) end"#,
        #"local t = setmetatable({}, { __len = function() return 1e12 end }) table.insert(t, 1, 0)"#,
    ])
    func aLongLibraryCallStopsAtTheBudgetWithFileAndLine(code: String) async throws {
        let fixtures = try ScriptFixtures(["slow.lua": """
        teachback.heuristic { name = "slow", analyze = function()
          \(code)
          return {}
        end }
        teachback.heuristic { name = "fine", analyze = function() return { clarity_score = 0.5 } end }
        """])
        let host = try fixtures.host()
        let clock = ContinuousClock()
        let started = clock.now
        let report = await host.analyze("x", context: ScriptFixtures.context())
        #expect(clock.now - started < .seconds(1))
        #expect(fixtures.relative(report.problems.map(\.message)) == ["heuristic 'slow' failed: slow.lua:2: exceeded its time budget of 200 ms"])
        #expect(report.results.map(\.name) == ["fine"])
    }

    @Test func aBudgetErrorFromTheMatcherCannotBeSwallowedByPcall() async throws {
        let fixtures = try ScriptFixtures(["slow.lua": """
        teachback.heuristic { name = "slow", analyze = function()
          local ok = pcall(string.find, string.rep("a", 50000), ".-.-.-.-x")
          return { clarity_score = ok and 1 or 0 }
        end }
        """])
        let report = await try fixtures.host().analyze("x", context: ScriptFixtures.context())
        #expect(report.results.isEmpty)
        #expect(report.problems.first?.message.contains("exceeded its time budget of 200 ms") == true)
    }

    @Test func ctrlCStopsALongMatchWithinAFewMilliseconds() async throws {
        var budgets = Budgets()
        budgets.command = 60
        let fixtures = try ScriptFixtures(["slow.lua": """
        teachback.command { name = "slow", run = function() return tostring(string.rep("a", 50000):find(".-.-.-.-x")) end }
        """])
        let (message, stopping) = try await ScriptFixtures.interrupted("slow", on: try fixtures.host(budgets: budgets))
        #expect(message?.contains("slow.lua:1: interrupted") == true, "\(String(describing: message))")
        // The matcher checks the flag every 1024 steps (microseconds); the bound is for a loaded machine.
        #expect(stopping < .milliseconds(500))
    }

    @Test func boundedLibraryFunctionsBehaveAsLuasOwn() async throws {
        let fixtures = try ScriptFixtures(["lib.lua": """
        teachback.command { name = "lib", run = function()
          local t = { 5, 3, 9, 1 }
          table.sort(t)
          local u = { "b", "a", "c" }
          table.sort(u, function(a, b) return a > b end)
          local m = table.move({ 1, 2, 3 }, 1, 3, 2)
          table.insert(m, 1, 0)
          local removed = table.remove(m)
          return table.concat(t, ",") .. "|" .. table.concat(u) .. "|" .. table.concat(m, ",") .. "|" .. removed
            .. "|" .. string.rep("ab", 3, "-") .. "|" .. #string.rep("xyz", 100000) .. "|" .. string.rep("x", 0)
            .. "|" .. table.concat({ 1, 2, 3 }, "", 2, 3) .. "|" .. tostring(pcall(table.concat, { {} }))
        end }
        """])
        let out = try await fixtures.host().runCommand("lib", args: "", session: nil)
        #expect(out == "1,3,5,9|cba|0,1,1,2|3|ab-ab-ab|300000||23|false")
    }
}

/// A small seeded generator, so a failing case can be reproduced.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Replays the matcher's fuzz corpus and every input the fuzzer ever failed on (Fuzz/*/match).
@Suite struct MatchFuzzRegressionTests {
    @Test func everyKeptInputAgreesWithLua() throws {
        let root = URL(fileURLWithPath: ScriptFixtures.repositoryRoot + "/Fuzz")
        let files = ["corpus", "regressions"].flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(at: root.appendingPathComponent("\(folder)/match"),
                                                          includingPropertiesForKeys: nil)) ?? [])
                .filter { !$0.lastPathComponent.hasPrefix(".") }
        }
        #expect(files.count >= 6)
        let runner = PatternDifferential.Runner()
        for file in files {
            guard let (pattern, subject) = PatternDifferential.fuzzCase(Array(try Data(contentsOf: file))) else { continue }
            let diff = runner.differences(pattern: pattern, subject: subject)
            #expect(diff.isEmpty, "\(file.lastPathComponent): \(diff)")
        }
    }
}

/// The parser is C too: `load` takes at most 1 MiB of source, whole or from a reader.
@Suite struct BoundedLoadTests {
    @Test func aHugeChunkIsRefusedAndASmallOneLoads() async throws {
        let fixtures = try ScriptFixtures(["l.lua": """
        teachback.command { name = "l", run = function()
          local big = string.rep("x=1 ", 2^19)
          local ok1, e1 = pcall(load, big)
          local parts = { big, big }
          local f, e2 = load(function() return table.remove(parts) end)
          return tostring(ok1) .. " " .. e1 .. " | " .. tostring(f) .. " " .. e2 .. " | " .. load("return 1 + 1")()
        end }
        """])
        let out = try await fixtures.host().runCommand("l", args: "", session: nil)
        #expect(fixtures.relative([out ?? ""]) == ["false load: a chunk may hold at most 1 MiB | nil load: a chunk may hold at most 1 MiB | 2"])
    }
}

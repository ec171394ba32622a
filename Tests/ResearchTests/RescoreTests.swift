import Foundation
import LuaHost
@testable import Research
@testable import TeachBack
import Testing

/// `Rescore` with the real Lua host on researchers' heuristics written to a temporary folder.
@Suite struct RescoreTests {
    struct Run {
        var lines: [[String: Any]]
        var errors: [String]
        var summary: RescoreSummary
    }

    static func run(plugins: [String: String], records: [String], jobs: Int = 1, clamp: Bool = false,
                    byHeuristic: Bool = false) async throws -> Run {
        let dir = NSTemporaryDirectory() + "tb-rescore-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, source) in plugins { try source.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8) }
        let paths = ScriptPaths(builtinRoot: nil, userConfig: nil, pluginDirs: [dir])
        var hosts: [LuaScriptHost] = []
        var budgets = Budgets()
        budgets.clampScores = clamp
        for _ in 0..<jobs { hosts.append(try LuaScriptHost(paths: paths, budgets: budgets)) }
        let heuristics = await hosts[0].heuristics
        let rescore = Rescore(byHeuristic: byHeuristic)
        var lines: [[String: Any]] = [], errors: [String] = []
        let file = try temporaryFile(records.joined(separator: "\n") + "\n")
        let summary = try await rescore.run(files: [file], workers: hosts.map { Rescore.Worker(host: $0) }, heuristics: heuristics.map(\.name),
                                            output: { lines.append((try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] ?? [:]) },
                                            report: { errors.append($0) })
        return Run(lines: lines, errors: errors, summary: summary)
    }

    static func dict(id: String? = nil, key: String = "id", _ explanations: [String], clarity: [Double]? = nil) -> String {
        let history = explanations.map { #"{"role": "user", "content": "\#($0)"}, {"role": "assistant", "content": "why?"}"# }
        let analyses = (clarity ?? explanations.map { _ in 0.5 }).map { #"{"clarity_score": \#($0), "confidence_score": 0.5}"# }
        let head = id.map { "\"\(key)\": \"\($0)\", " } ?? ""
        return "{\(head)\"topic\": \"recursion\", \"conversation_history\": [\(history.joined(separator: ", "))], \"analyses\": [\(analyses.joined(separator: ", "))]}"
    }

    static let words = #"teachback.heuristic { name = "words", analyze = function(text) return { clarity_score = math.min(1, #teachback.words(text) / 10) } end }"#

    @Test func aFailingHeuristicIsCountedWithItsFirstFileLineMessageAndItsTurnsExcluded() async throws {
        let failing = "teachback.heuristic { name = \"flaky\", analyze = function(text, ctx)\n  if ctx.number == 2 then error(\"boom\") end\n  return {}\nend }"
        let run = try await Self.run(plugins: ["words.lua": Self.words, "flaky.lua": failing],
                                     records: [Self.dict(id: "s", ["a b", "a b c", "a b c d", "a"], clarity: [0.2, 0.3, 0.4, 0.1])])
        let tally = run.summary.tally
        #expect(tally.entries["flaky"]?.calls == 4)
        #expect(tally.entries["flaky"]?.failures == 1)
        #expect(tally.entries["words"]?.failures == 0)
        let first = try #require(tally.entries["flaky"]?.firstFailure)
        #expect(first.contains(":1 turn 2: heuristic 'flaky' failed: ") && first.contains("flaky.lua:2: boom"), "\(first)")
        #expect(run.lines.map { $0["failed_heuristics"] as? [String] ?? ["?"] } == [[], ["flaky"], [], []])
        #expect(run.summary.agreement.turns == 3, "the failed turn is left out of the agreement")
        #expect(run.summary.excludedTurns == 1)
        #expect(run.summary.text.contains("1 more excluded: a heuristic failed on them"))
    }

    @Test func anEndlessLoopIsABudgetOverrun() async throws {
        let loop = #"teachback.heuristic { name = "spin", analyze = function() while true do end end }"#
        let run = try await Self.run(plugins: ["spin.lua": loop], records: [Self.dict(["a"])])
        #expect(run.summary.tally.entries["spin"]?.budgetOverruns == 1)
        #expect(run.summary.tally.failures == 1)
    }

    /// 1.01, 5, 0/0, math.huge and -3 used to become 0.0101, 0.05, 0.5, 0.5 and 0.
    @Test func scoresOutsideTheUnitIntervalAreFailuresNeverRescaled() async throws {
        let bad = #"""
        local values = { 1.01, 5, 0/0, math.huge, -3 }
        teachback.heuristic { name = "bad", analyze = function(text, ctx) return { clarity_score = values[ctx.number] } end }
        """#
        let records = [Self.dict(id: "s", ["a", "b", "c", "d", "e"])]
        let run = try await Self.run(plugins: ["bad.lua": bad, "words.lua": Self.words], records: records)
        #expect(run.summary.tally.entries["bad"]?.failures == 5)
        #expect(run.lines.map { ($0["local_analysis"] as? [String: Any])?["clarity_score"] as? Double } == Array(repeating: 0.1, count: 5),
                "only the good heuristic's score counts")
        #expect(run.summary.tally.entries["bad"]?.firstFailure?.contains("bad.lua:2: its result: field 'clarity_score' is 1.01, outside [0, 1]") == true,
                "\(run.summary.tally.entries["bad"]?.firstFailure ?? "")")
        let clamped = try await Self.run(plugins: ["bad.lua": bad], records: records, clamp: true)
        #expect(clamped.lines.map { ($0["local_analysis"] as? [String: Any])?["clarity_score"] as? Double } == [1, 1, 0.5, 1, 0],
                "--clamp clamps; NaN stays a failure (then no heuristic gave a clarity: neutral)")
        #expect(clamped.summary.tally.failures == 1)
    }

    /// Ids from `id`, else `session_id`, else file:line; a skipped record shifts nothing.
    @Test func everyLineCarriesItsRecordsIdAndLine() async throws {
        let run = try await Self.run(plugins: ["words.lua": Self.words], records: [
            Self.dict(id: "one", key: "session_id", ["a"]), "{broken", Self.dict(id: "three", ["a", "b"]), Self.dict(["c"]),
        ], jobs: 2)
        #expect(run.lines.map { $0["id"] as? String ?? "?" }.prefix(3) == ["one", "three", "three"])
        #expect((run.lines.last?["id"] as? String)?.hasSuffix(".jsonl:4") == true)
        #expect(run.lines.map { $0["line"] as? Int ?? 0 } == [1, 3, 3, 4])
        #expect(run.errors.count == 1 && run.errors[0].contains(".jsonl:2: "))
        #expect(run.summary.skippedRecords == 1)
    }

    /// ctx as when the turn was taken: that turn's persona and number, the earlier turns with
    /// their questions and recorded analyses.
    @Test func ctxHoldsEachTurnsOwnModeNumberAndHistory() async throws {
        let probe = #"""
        teachback.heuristic { name = "probe", analyze = function(text, ctx)
          local last = ctx.history[#ctx.history]
          return { notes = { ctx.mode .. " #" .. ctx.number .. " after " .. #ctx.history .. (last and (" q=" .. last.question .. " c=" .. last.analysis.clarity_score) or "") } }
        end }
        """#
        let export = #"""
        {"id": "e", "topic": "recursion", "mode": "anxious", "turns": [
          {"number": 1, "mode": "socratic", "explanation": "one", "question": "why one?", "analysis": {"clarity_score": 0.25, "confidence_score": 0.5}},
          {"number": 2, "mode": "five-year-old", "explanation": "two", "question": "why two?", "analysis": {"clarity_score": 0.75, "confidence_score": 0.5}},
          {"number": 3, "mode": "anxious", "explanation": "three", "question": ""}]}
        """#.replacingOccurrences(of: "\n", with: " ")
        let run = try await Self.run(plugins: ["probe.lua": probe], records: [export], byHeuristic: true)
        let notes = run.lines.map { (($0["heuristics"] as? [String: Any])?["probe"] as? [String: Any])?["notes"] as? [String] ?? [] }
        #expect(notes == [["socratic #1 after 0"], ["five-year-old #2 after 1 q=why one? c=0.25"], ["anxious #3 after 2 q=why two? c=0.75"]])
        #expect(run.lines.map { $0["mode"] as? String } == ["socratic", "five-year-old", "anxious"])
    }

    @Test func byHeuristicShowsFieldsNotesAndErrors() async throws {
        let failing = #"teachback.heuristic { name = "broken", analyze = function() error("nope") end }"#
        let run = try await Self.run(plugins: ["words.lua": Self.words, "broken.lua": failing], records: [Self.dict(["a b c"])],
                                     byHeuristic: true)
        let breakdown = try #require(run.lines.first?["heuristics"] as? [String: [String: Any]])
        #expect((breakdown["words"]?["fields"] as? [String: Any])?["clarity_score"] as? Double == 0.3)
        #expect(breakdown["words"]?["error"] is NSNull)
        #expect((breakdown["broken"]?["error"] as? String)?.contains("broken.lua:1: nope") == true)
    }

    @Test func sha256OfKnownInputs() {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Array(String(repeating: "a", count: 1000).utf8)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}

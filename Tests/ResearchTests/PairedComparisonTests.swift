import Foundation
import LuaHost
@testable import Research
import TeachBack
import Testing

/// `--baseline-plugins`: both sets score the same turns; the comparison is paired and its
/// bootstrap interval is reproducible from the seed.
@Suite struct PairedComparisonTests {
    static let tracking = #"teachback.heuristic { name = "tracking", analyze = function(text) return { clarity_score = math.min(1, #teachback.words(text) / 10) } end }"#
    static let flat = #"teachback.heuristic { name = "flat", analyze = function(text) return { clarity_score = 0.5 + (#text % 3) / 10 } end }"#

    static func host(_ source: String) throws -> LuaScriptHost {
        let dir = NSTemporaryDirectory() + "tb-ab-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try source.write(toFile: dir + "/h.lua", atomically: true, encoding: .utf8)
        return try LuaScriptHost(paths: ScriptPaths(builtinRoot: nil, userConfig: nil, pluginDirs: [dir]))
    }

    /// Twelve sessions whose recorded clarity is a tenth of the word count, give or take.
    static func records() -> [String] {
        var generator = SplitMix64(seed: 9)
        return (0..<12).map { s in
            let turns = (0..<3).map { t -> (String, Double) in
                let n = Int(generator.next() % 9) + 1
                return (Array(repeating: "w", count: n).joined(separator: " "), Double(n) / 10 + (t == 1 ? 0.05 : -0.05))
            }
            return RescoreTests.dict(id: "s\(s)", turns.map(\.0), clarity: turns.map { max(0, min(1, $0.1)) })
        }
    }

    static func summary(seed: UInt64) async throws -> RescoreSummary {
        let file = try temporaryFile(records().joined(separator: "\n"))
        var rescore = Rescore()
        var summary = try await rescore.run(files: [file], workers: [Rescore.Worker(host: try host(tracking), baseline: try host(flat))],
                                            heuristics: ["tracking"], baselineHeuristics: ["flat"], output: { _ in }, report: { _ in })
        summary.comparison?.seed = seed
        return summary
    }

    @Test func theSetUnderTestBeatsAFlatBaselineWithAnIntervalAboveZero() async throws {
        let summary = try await Self.summary(seed: 1)
        let figures = Dictionary(uniqueKeysWithValues: try #require(summary.comparison).figures.map { ($0.name, $0.figure) })
        let clarity = try #require(figures["clarity_pearson"])
        #expect(clarity.n == 36)
        #expect(try #require(clarity.a) > 0.9)
        #expect(abs(try #require(clarity.difference) - (clarity.a! - clarity.b!)) < 1e-12, "paired: A − B on the same turns")
        let interval = try #require(clarity.interval)
        #expect(interval[0] > 0 && interval[0] <= clarity.difference! && clarity.difference! <= interval[1])
        let confidence = try #require(figures["confidence_pearson"])
        #expect(confidence.difference == nil && confidence.undefined == "A: zero variance in local confidence")
        #expect(summary.baselineTally?.entries["flat"]?.calls == 36)
    }

    @Test func theSameSeedGivesTheSameIntervalAndAnotherSeedAnother() async throws {
        let one = try #require(try await Self.summary(seed: 7).comparison).figures.map(\.figure)
        let again = try #require(try await Self.summary(seed: 7).comparison).figures.map(\.figure)
        let other = try #require(try await Self.summary(seed: 8).comparison).figures.map(\.figure)
        #expect(one == again)
        #expect(one[0].interval != other[0].interval)
        #expect(one[0].difference == other[0].difference)
    }

    @Test func againstLocalComparesWithTheRecordedLocalAnalysis() async throws {
        let export = #"{"id": "e", "topic": "t", "turns": [{"number": 1, "explanation": "a b c", "claude_analysis": {"clarity_score": 0.9, "confidence_score": 0.5}, "local_analysis": {"clarity_score": 0.3, "confidence_score": 0.4}}]}"#
        let record = InputRecord(bytes: Array(export.utf8), file: "f", line: 1)
        #expect(try RecordedSession(record, against: .local).turns[0].recorded?.clarityScore == 0.3)
        #expect(try RecordedSession(record, against: .claude).turns[0].recorded?.clarityScore == 0.9)
        #expect(try RecordedSession(record, against: .local).turns[0].seen?.clarityScore == 0.9,
                "history still shows what the session saw (Claude's, merged)")
    }
}

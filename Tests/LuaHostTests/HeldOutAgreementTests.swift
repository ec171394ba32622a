import Foundation
import Testing
@testable import LuaHost
import TeachBack

/// The shipped heuristics against the labelled checks in `Tests/Fixtures/` (written before any
/// tuning). Each test prints its agreement figure, quoted in the README, and fails below a floor
/// a little under it, so a change that makes the heuristics disagree with the labels breaks it.
@Suite struct HeldOutAgreementTests {
    let host: LuaScriptHost
    init() throws { host = try ScriptFixtures.builtinHost() }

    static func rows(_ name: String, columns: Int) throws -> [[String]] {
        let text = try String(contentsOfFile: ScriptFixtures.repositoryRoot + "/Tests/Fixtures/" + name, encoding: .utf8)
        let rows = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.components(separatedBy: "\t") }
        #expect(rows.allSatisfy { $0.count == columns }, "\(name): every row has \(columns) columns")
        #expect(rows.count >= 40, "\(name): at least 40 items")
        return rows
    }

    func analysis(_ text: String, topic: String, covered: [String] = []) async -> LocalAnalysisReport {
        await host.analyze(text, context: AnalysisContext(topic: topic, mode: "socratic", number: covered.isEmpty ? 1 : 2,
                                                           history: [], covered: covered))
    }

    static func report(_ what: String, _ agreed: Int, _ total: Int, misses: [String]) -> Double {
        let rate = Double(agreed) / Double(total)
        print("held-out \(what): \(agreed)/\(total) = \(String(format: "%.1f", rate * 100)) %" +
              (misses.isEmpty ? "" : "; misses: " + misses.prefix(8).joined(separator: " | ")))
        return rate
    }

    @Test func clearerExplanationsScoreHigherClarityThanTheirVagueRewrites() async throws {
        let rows = try Self.rows("clarity-pairs.tsv", columns: 3)
        var agreed = 0, misses: [String] = []
        for row in rows {
            let clear = await analysis(row[1], topic: row[0]).analysis.clarityScore
            let vague = await analysis(row[2], topic: row[0]).analysis.clarityScore
            if clear > vague { agreed += 1 } else { misses.append(String(format: "%.2f<=%.2f %@", clear, vague, row[2])) }
        }
        #expect(Self.report("clarity pairs", agreed, rows.count, misses: misses) >= Self.floor.clarity)
    }

    @Test func multiWordJargonIsFlaggedUnlessTheTextDefinesIt() async throws {
        let rows = try Self.rows("jargon-compounds.tsv", columns: 4)
        var agreed = 0, misses: [String] = []
        for row in rows {
            let flagged = await analysis(row[1], topic: row[0]).analysis.unexplainedJargon.map { $0.lowercased() }
            let says = flagged.contains(row[2].lowercased())
            if says == (row[3] == "flagged") { agreed += 1 } else { misses.append("\(row[3]) \(row[2]): \(flagged)") }
        }
        #expect(Self.report("multi-word jargon", agreed, rows.count, misses: misses) >= Self.floor.jargon)
    }

    @Test func aConceptCoveredInAnEarlierTurnIsNotAGapLater() async throws {
        let rows = try Self.rows("covered-earlier.tsv", columns: 4)
        var agreed = 0, misses: [String] = []
        for row in rows {
            let earlier = await analysis(row[1], topic: row[0])
            let later = await analysis(row[2], topic: row[0], covered: earlier.covered)
            let reported = later.analysis.knowledgeGaps.map { $0.lowercased() }.contains(row[3].lowercased())
            if !reported { agreed += 1 } else { misses.append("\(row[3]) after \"\(row[1])\"") }
        }
        #expect(Self.report("covered earlier", agreed, rows.count, misses: misses) >= Self.floor.covered)
    }

    /// Floors just under the measured figures (README, "How the heuristics score").
    static let floor = (clarity: 0.95, jargon: 0.9, covered: 0.95)
}

extension HeldOutAgreementTests {
    /// A strength and a gap of one analysis never say opposite things, whichever two built-in
    /// heuristics produced them, over every text of the labelled checks and on every topic kind.
    static let opposites = [("uses a concrete example", "example"), ("defines its terms", "definition")]

    @Test func noAnalysisListsAStrengthAndTheGapThatDeniesIt() async throws {
        var texts: [(String, String)] = []
        for (file, columns, textColumns) in [("clarity-pairs.tsv", 3, [1, 2]), ("jargon-compounds.tsv", 4, [1]),
                                             ("covered-earlier.tsv", 4, [1, 2])] {
            for row in try Self.rows(file, columns: columns) {
                for c in textColumns { texts.append((row[0], row[c])); texts.append(("a topic without a pack", row[c])) }
            }
        }
        var contradictions: [String] = []
        for (topic, text) in texts {
            let analysis = await analysis(text, topic: topic).analysis
            for (strength, gapWord) in Self.opposites where analysis.strengths.contains(strength) {
                for gap in analysis.knowledgeGaps where gap.lowercased().contains(gapWord) {
                    contradictions.append("\(topic): '\(strength)' and '\(gap)' for \"\(text)\"")
                }
            }
        }
        #expect(texts.count > 200)
        #expect(contradictions.isEmpty, "\(contradictions.prefix(5))")
    }
}

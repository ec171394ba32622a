import Foundation
import TeachBack

/// What `rescore` says after the lines: how many sessions and turns, agreement with the recorded
/// analyses over the turns where every heuristic answered (each figure with its n; an undefined
/// correlation as `n/a` / `null` with the reason), each heuristic's calls and failures, and every
/// script file loaded with its SHA-256 so that the result can be reproduced.
package struct RescoreSummary: Sendable, Encodable {
    package var sessions = 0
    package var turns = 0
    package var skippedRecords = 0
    /// Turns with a recorded analysis left out of the agreement because a heuristic failed on them.
    package var excludedTurns = 0
    package var agreement = Agreement()
    package var tally: HeuristicTally
    package var scripts: [LoadedScript] = []

    init(tally: HeuristicTally) { self.tally = tally }

    mutating func add(_ turn: RescoredTurn) {
        turns += 1
        tally.add(turn.checked, at: "\(turn.location) turn \(turn.turn)")
        guard let recorded = turn.recordedAnalysis else { return }
        if turn.checked.failures.isEmpty {
            agreement.add(new: turn.localAnalysis, recorded: recorded)
        } else {
            excludedTurns += 1
        }
    }

    enum CodingKeys: String, CodingKey {
        case sessions, turns, compared, heuristics, scripts
        case skippedRecords = "skipped_records", excludedTurns = "excluded_failed_turns"
        case clarityPearson = "clarity_pearson", confidencePearson = "confidence_pearson"
        case clarityUndefined = "clarity_pearson_undefined", confidenceUndefined = "confidence_pearson_undefined"
        case gapsJaccard = "gaps_jaccard", jargonJaccard = "jargon_jaccard", scriptMs = "mean_script_ms_per_turn"
    }

    private struct HeuristicLine: Encodable {
        var calls, failures, budgetOverruns: Int
        var firstFailure: String?
        enum CodingKeys: String, CodingKey { case calls, failures, budgetOverruns = "budget_overruns", firstFailure = "first_failure" }
        package func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(calls, forKey: .calls)
            try c.encode(failures, forKey: .failures)
            try c.encode(budgetOverruns, forKey: .budgetOverruns)
            try c.encode(firstFailure, forKey: .firstFailure)
        }
    }

    /// Every key always present; an undefined figure is `null`.
    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(sessions, forKey: .sessions)
        try c.encode(turns, forKey: .turns)
        try c.encode(skippedRecords, forKey: .skippedRecords)
        try c.encode(agreement.turns, forKey: .compared)
        try c.encode(excludedTurns, forKey: .excludedTurns)
        try c.encode(agreement.clarityPearson, forKey: .clarityPearson)
        try c.encode(agreement.clarityUndefined, forKey: .clarityUndefined)
        try c.encode(agreement.confidencePearson, forKey: .confidencePearson)
        try c.encode(agreement.confidenceUndefined, forKey: .confidenceUndefined)
        try c.encode(agreement.meanGapsJaccard, forKey: .gapsJaccard)
        try c.encode(agreement.meanJargonJaccard, forKey: .jargonJaccard)
        try c.encode(tally.meanMillisecondsPerTurn, forKey: .scriptMs)
        var lines: [String: HeuristicLine] = [:]
        for name in tally.names {
            let e = tally.entries[name] ?? .init()
            lines[name] = HeuristicLine(calls: e.calls, failures: e.failures, budgetOverruns: e.budgetOverruns, firstFailure: e.firstFailure)
        }
        try c.encode(lines, forKey: .heuristics)
        try c.encode(scripts, forKey: .scripts)
    }

    package var text: String {
        let n = agreement.turns
        func figure(_ v: Double?, undefined: String? = nil) -> String {
            (v.map { String(format: "%.3f", $0) } ?? "n/a" + (undefined.map { " (\($0))" } ?? "")) + "  (n = \(n))"
        }
        let excluded = excludedTurns > 0 ? "; \(excludedTurns) more excluded: a heuristic failed on them (see failed_heuristics)" : ""
        var lines = [
            "rescored \(turns) turns in \(sessions) sessions" + (skippedRecords > 0 ? " (\(skippedRecords) records skipped)" : ""),
            "compared with the recorded Claude analysis: \(n) turns on which every heuristic answered\(excluded)",
            "clarity     Pearson r     " + figure(agreement.clarityPearson, undefined: agreement.clarityUndefined),
            "confidence  Pearson r     " + figure(agreement.confidencePearson, undefined: agreement.confidenceUndefined),
            "gaps        mean Jaccard  " + figure(agreement.meanGapsJaccard),
            "jargon      mean Jaccard  " + figure(agreement.meanJargonJaccard),
            "heuristics  calls  failures  budget overruns" + (tally.meanMillisecondsPerTurn.map { String(format: "  (all together: %.3f ms per turn)", $0) } ?? ""),
        ]
        let width = max(10, (tally.names.map(\.count).max() ?? 0) + 2)
        for name in tally.names {
            let e = tally.entries[name] ?? .init()
            lines.append("  " + name.padding(toLength: width, withPad: " ", startingAt: 0)
                         + "\(e.calls)".padding(toLength: 7, withPad: " ", startingAt: 0)
                         + "\(e.failures)".padding(toLength: 10, withPad: " ", startingAt: 0) + "\(e.budgetOverruns)")
            if let first = e.firstFailure { lines.append("    first failure: \(first)") }
        }
        lines.append("scripts loaded:")
        lines += scripts.map { "  \($0.sha256)  \($0.path)" }
        return lines.joined(separator: "\n")
    }
}

/// A script file a result depends on, named by its content.
package struct LoadedScript: Sendable, Encodable, Equatable {
    package var path: String
    package var sha256: String

    package init(path: String) {
        self.path = path
        sha256 = FileManager.default.contents(atPath: path).map { SHA256.hex(Array($0)) } ?? "unreadable"
    }
}

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
    /// With `--baseline-plugins`: the baseline scripts' tally and the paired comparison.
    package var baselineTally: HeuristicTally?
    package var comparison: PairedComparison?
    package var against: RecordedSession.Against
    package var scripts: [LoadedScript] = []
    package var baselineScripts: [LoadedScript] = []
    /// Script files that failed to load (`file:line: message`): their heuristics did not run.
    package var loadErrors: [String] = []

    /// Heuristic failures and files that did not load: either makes the exit code 3.
    package var failures: Int { tally.failures + (baselineTally?.failures ?? 0) + loadErrors.count }

    init(tally: HeuristicTally, baselineTally: HeuristicTally?, against: RecordedSession.Against) {
        self.tally = tally
        self.baselineTally = baselineTally
        comparison = baselineTally.map { _ in PairedComparison() }
        self.against = against
    }

    mutating func startSession() {
        sessions += 1
        comparison?.startSession()
    }

    mutating func add(_ turn: RescoredTurn) {
        turns += 1
        let location = "\(turn.location) turn \(turn.turn)"
        tally.add(turn.checked, at: location)
        if let baseline = turn.baseline { baselineTally?.add(baseline, at: location) }
        guard let recorded = turn.recordedAnalysis else { return }
        guard turn.checked.failures.isEmpty, turn.baseline?.failures.isEmpty ?? true else {
            excludedTurns += 1
            return
        }
        agreement.add(new: turn.localAnalysis, recorded: recorded)
        if let baseline = turn.baseline { comparison?.add(a: turn.localAnalysis, b: baseline.analysis, recorded: recorded) }
    }

    enum CodingKeys: String, CodingKey {
        case sessions, turns, compared, heuristics, scripts
        case skippedRecords = "skipped_records", excludedTurns = "excluded_failed_turns"
        case clarityPearson = "clarity_pearson", confidencePearson = "confidence_pearson"
        case clarityUndefined = "clarity_pearson_undefined", confidenceUndefined = "confidence_pearson_undefined"
        case gapsJaccard = "gaps_jaccard", jargonJaccard = "jargon_jaccard", scriptMs = "mean_script_ms_per_turn"
        case against, comparison, baselineHeuristics = "baseline_heuristics", baselineScripts = "baseline_scripts"
        case loadErrors = "load_errors"
    }

    private struct ComparisonJSON: Encodable {
        var resamples: Int
        var seed: UInt64
        var sessions: Int
        var figures: [String: PairedComparison.Figure]
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
        try c.encode(against.rawValue, forKey: .against)
        try c.encode(Self.lines(tally), forKey: .heuristics)
        try c.encode(scripts, forKey: .scripts)
        try c.encode(loadErrors, forKey: .loadErrors)
        if let baselineTally, let comparison {
            try c.encode(Self.lines(baselineTally), forKey: .baselineHeuristics)
            try c.encode(baselineScripts, forKey: .baselineScripts)
            try c.encode(ComparisonJSON(resamples: comparison.resamples, seed: comparison.seed,
                                        sessions: comparison.sessions.filter { !$0.isEmpty }.count,
                                        figures: Dictionary(uniqueKeysWithValues: comparison.figures.map { ($0.name, $0.figure) })),
                         forKey: .comparison)
        }
    }

    private static func lines(_ tally: HeuristicTally) -> [String: HeuristicLine] {
        var lines: [String: HeuristicLine] = [:]
        for name in tally.names {
            let e = tally.entries[name] ?? .init()
            lines[name] = HeuristicLine(calls: e.calls, failures: e.failures, budgetOverruns: e.budgetOverruns, firstFailure: e.firstFailure)
        }
        return lines
    }

    package var text: String {
        let n = agreement.turns
        // Rounded first, so a difference of -1e-17 prints as 0.000, not -0.000.
        func number(_ v: Double?) -> String { v.map { String(format: "%.3f", ($0 * 1000).rounded() / 1000 + 0) } ?? "n/a" }
        func figure(_ v: Double?, undefined: String? = nil) -> String {
            (v == nil ? "n/a" + (undefined.map { " (\($0))" } ?? "") : number(v)) + "  (n = \(n))"
        }
        let excluded = excludedTurns > 0 ? "; \(excludedTurns) more excluded: a heuristic failed on them (see failed_heuristics)" : ""
        var lines = [
            "rescored \(turns) turns in \(sessions) sessions" + (skippedRecords > 0 ? " (\(skippedRecords) records skipped)" : ""),
            "compared with the recorded \(against == .claude ? "Claude" : "local") analysis: \(n) turns on which every heuristic answered\(excluded)",
            "clarity     Pearson r     " + figure(agreement.clarityPearson, undefined: agreement.clarityUndefined),
            "confidence  Pearson r     " + figure(agreement.confidencePearson, undefined: agreement.confidenceUndefined),
            "gaps        mean Jaccard  " + figure(agreement.meanGapsJaccard),
            "jargon      mean Jaccard  " + figure(agreement.meanJargonJaccard),
        ]
        if let comparison {
            let used = comparison.sessions.filter { !$0.isEmpty }.count
            lines.append("A (scripts under test) − B (baseline), paired on the same \(comparison.turns) turns; 95 % interval from \(comparison.resamples) resamples of the \(used) sessions, seed \(comparison.seed):")
            func column(_ text: String, _ width: Int) -> String { text.padding(toLength: max(width, text.count + 1), withPad: " ", startingAt: 0) }
            lines.append("  " + column("figure", 20) + column("A", 8) + column("B", 8) + column("A − B", 8) + column("95 % interval", 19) + "n")
            for (name, f) in comparison.figures {
                let interval = f.interval.map { "[\(number($0[0])), \(number($0[1]))]" } ?? "n/a"
                lines.append("  " + column(name, 20) + column(number(f.a), 8) + column(number(f.b), 8) + column(number(f.difference), 8)
                             + column(interval, 19) + "\(f.n)" + (f.undefined.map { "  (\($0))" } ?? ""))
            }
        }
        lines += tally.table(title: baselineTally == nil ? "heuristics" : "heuristics A")
        if let baselineTally { lines += baselineTally.table(title: "heuristics B") }
        lines += loadErrors.map { "NOT LOADED (its heuristics did not run): \($0)" }
        lines.append("scripts loaded" + (baselineTally == nil ? ":" : " (A):"))
        lines += scripts.map { "  \($0.sha256)  \($0.path)" }
        if baselineTally != nil {
            lines.append("scripts loaded (B):")
            lines += baselineScripts.map { "  \($0.sha256)  \($0.path)" }
        }
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

import TeachBack

/// One output line of `rescore`: the record's `id` and `line`, the turn, the new local analysis
/// and the recorded one; which heuristics failed on it (its analysis then leaves them out); and,
/// with `--by-heuristic`, what each heuristic returned.
package struct RescoredTurn: Sendable, Encodable {
    package var id: String
    package var line: Int
    package var turn: Int
    package var mode: String
    package var localAnalysis: Analysis
    package var recordedAnalysis: Analysis?
    package var failedHeuristics: [String]
    package var heuristics: [String: HeuristicBreakdown]?
    /// The record's `file:line` and the checked report, for the run's tally; not part of the line.
    package var location: String
    package var checked: CheckedAnalysis
    /// The baseline scripts' analysis of the same turn, when comparing.
    package var baseline: CheckedAnalysis?

    enum CodingKeys: String, CodingKey {
        case id, line, turn, mode, heuristics
        case localAnalysis = "local_analysis", recordedAnalysis = "recorded_analysis", failedHeuristics = "failed_heuristics"
        case baselineAnalysis = "baseline_analysis", baselineFailed = "baseline_failed_heuristics"
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(line, forKey: .line)
        try c.encode(turn, forKey: .turn)
        try c.encode(mode, forKey: .mode)
        try c.encode(localAnalysis, forKey: .localAnalysis)
        try c.encode(recordedAnalysis, forKey: .recordedAnalysis)
        try c.encode(failedHeuristics, forKey: .failedHeuristics)
        try c.encodeIfPresent(heuristics, forKey: .heuristics)
        try c.encodeIfPresent(baseline?.analysis, forKey: .baselineAnalysis)
        try c.encodeIfPresent(baseline?.failedNames, forKey: .baselineFailed)
    }
}

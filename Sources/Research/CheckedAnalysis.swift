import Foundation
import TeachBack

/// One explanation's local analysis as research may use it: every heuristic that failed is
/// named, and a score outside [0, 1] or not finite is a failure of that heuristic for this turn
/// (or clamped, with `--clamp`), never rescaled; the analysis is recombined from what remains.
package struct CheckedAnalysis: Sendable {
    package var analysis: Analysis
    /// The heuristics' answers that were used.
    package var results: [HeuristicResult]
    package var failures: [HeuristicFailure]
    package var scriptTime: Duration

    package init(_ report: LocalAnalysisReport, files: [String: String], clamp: Bool) {
        failures = report.problems.map(HeuristicFailure.init)
        scriptTime = report.scriptTime
        results = []
        var changed = false
        for var result in report.results {
            var bad: [String] = []
            for (key, score) in [("confidence_score", \HeuristicResult.confidenceScore), ("clarity_score", \.clarityScore)] {
                guard let value = result[keyPath: score], !(value.isFinite && (0...1).contains(value)) else { continue }
                if clamp, !value.isNaN {
                    result[keyPath: score] = min(1, max(0, value))
                } else {
                    bad.append("\(key) = \(Self.lua(value))")
                }
                changed = true
            }
            if bad.isEmpty {
                results.append(result)
            } else {
                let file = files[result.name].map { $0 + ": " } ?? ""
                failures.append(HeuristicFailure(name: result.name, overran: false,
                    message: "\(file)heuristic '\(result.name)' returned \(bad.joined(separator: ", ")), outside [0, 1] (not rescaled; --clamp clamps)"))
            }
        }
        analysis = changed ? HeuristicResult.combine(results) : report.analysis
    }

    /// The failed heuristics' names, for the output line.
    package var failedNames: [String] { failures.map { $0.name ?? "(unnamed)" } }

    /// How Lua would print it: `inf`, `-inf`, `nan`, or the number.
    private static func lua(_ v: Double) -> String {
        v.isNaN ? "nan" : v.isInfinite ? (v < 0 ? "-inf" : "inf") : "\(v)"
    }
}

/// One heuristic failing on one explanation.
package struct HeuristicFailure: Sendable, Equatable {
    /// The heuristic's name, when the message names one.
    package var name: String?
    package var overran: Bool
    package var message: String

    package init(name: String?, overran: Bool, message: String) {
        self.name = name
        self.overran = overran
        self.message = message
    }

    /// The script host's messages read `heuristic 'NAME' failed: file:line: …`; a budget overrun
    /// says `exceeded its time budget`.
    init(_ problem: ScriptProblem) {
        let text = problem.message
        var name: String?
        if let start = text.range(of: "heuristic '"), let end = text[start.upperBound...].firstIndex(of: "'") {
            name = String(text[start.upperBound..<end])
        }
        self.init(name: name, overran: text.contains("exceeded its time budget"), message: text)
    }
}

import Foundation
import TeachBack

/// One explanation's local analysis as research may use it: every heuristic that failed is
/// named (the script host fails one whose score is outside [0, 1] or not finite, or clamps it
/// with `--clamp`; nothing is rescaled), and the analysis is combined from what remains.
package struct CheckedAnalysis: Sendable {
    package var analysis: Analysis
    /// The heuristics' answers that were used.
    package var results: [HeuristicResult]
    package var failures: [HeuristicFailure]
    package var scriptTime: Duration

    package init(_ report: LocalAnalysisReport) {
        failures = report.problems.map(HeuristicFailure.init)
        scriptTime = report.scriptTime
        results = report.results
        analysis = report.analysis
    }

    /// The failed heuristics' names, for the output line.
    package var failedNames: [String] { failures.map { $0.name ?? "(unnamed)" } }
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
    init(_ problem: Problem) {
        let text = problem.message
        var name: String?
        if let start = text.range(of: "heuristic '"), let end = text[start.upperBound...].firstIndex(of: "'") {
            name = String(text[start.upperBound..<end])
        }
        self.init(name: name, overran: text.contains("exceeded its time budget"), message: text)
    }
}

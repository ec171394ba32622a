import Foundation
import TeachBack

/// Per heuristic over a whole run: calls, failures with the first failure's message (prefixed
/// with the record's `file:line` and turn), and budget overruns; plus the scripts' time per turn.
/// The host reports the time of all heuristics together, so there is no per-heuristic mean.
package struct HeuristicTally: Sendable {
    package struct Entry: Sendable, Equatable {
        package var calls = 0
        package var failures = 0
        package var budgetOverruns = 0
        package var firstFailure: String?
    }

    package private(set) var names: [String]
    package private(set) var entries: [String: Entry] = [:]
    package private(set) var turns = 0
    package private(set) var turnsWithFailures = 0
    package private(set) var scriptTime = Duration.zero

    /// `names`: the registered heuristics, each called once per turn.
    package init(names: [String]) { self.names = names }

    package var failures: Int { entries.values.reduce(0) { $0 + $1.failures } }
    package var meanMillisecondsPerTurn: Double? {
        turns > 0 ? scriptTime.milliseconds / Double(turns) : nil
    }

    package mutating func add(_ checked: CheckedAnalysis, at location: String) {
        turns += 1
        scriptTime += checked.scriptTime
        for name in names { entries[name, default: Entry()].calls += 1 }
        if !checked.failures.isEmpty { turnsWithFailures += 1 }
        for failure in checked.failures {
            let name = failure.name ?? "(unnamed)"
            if !names.contains(name) {
                names.append(name)
                entries[name, default: Entry()].calls += 1
            }
            entries[name, default: Entry()].failures += 1
            if failure.overran { entries[name, default: Entry()].budgetOverruns += 1 }
            if entries[name]?.firstFailure == nil { entries[name]?.firstFailure = "\(location): \(failure.message)" }
        }
    }

    /// The per-heuristic table of the text summaries: calls, failures, overruns, first failure.
    package func table(title: String) -> [String] {
        var lines = [title.padding(toLength: 14, withPad: " ", startingAt: 0) + "calls  failures  budget overruns"
                     + (meanMillisecondsPerTurn.map { String(format: "  (all together: %.3f ms per turn)", $0) } ?? "")]
        let width = max(12, (names.map(\.count).max() ?? 0) + 2)
        for name in names {
            let e = entries[name] ?? .init()
            lines.append("  " + name.padding(toLength: width, withPad: " ", startingAt: 0)
                         + "\(e.calls)".padding(toLength: 7, withPad: " ", startingAt: 0)
                         + "\(e.failures)".padding(toLength: 10, withPad: " ", startingAt: 0) + "\(e.budgetOverruns)")
            if let first = e.firstFailure { lines.append("    first failure: \(first)") }
        }
        return lines
    }
}

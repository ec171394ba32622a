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
}

import TeachBack

/// Claude's analyses from `teachback judge` output, by session and turn, so `rescore --judged`
/// compares the heuristics with Claude's judgement of the very same turns. Only `succeeded`
/// lines count; a turn judge could not analyse is left out of the comparison.
package struct JudgedAnalyses: Sendable {
    private var byTurn: [String: [Int: Analysis]] = [:]

    /// Reads the files a line at a time; a line that is not a judge line is reported `file:line`.
    package init(files: [String], report: (String) -> Void) {
        var stream = RecordStream(files: files)
        while let record = stream.next(unreadable: report) {
            do throws(RecordFailure) {
                let members = try record.members(["session_id", "turn", "result", "analysis"])
                guard let session = members["session_id"]?.string, let turn = members["turn"]?.number.flatMap({ Int(exactly: $0) }) else {
                    throw RecordFailure("not a judge line: 'session_id' or 'turn' missing")
                }
                guard members["result"]?.string == "succeeded", let analysis = members["analysis"]?.presentValue else { continue }
                byTurn[session, default: [:]][turn] = try analysis.checkedAnalysis("analysis")
            } catch {
                report("\(record.location): \(error.message)")
            }
        }
    }

    package var count: Int { byTurn.values.reduce(0) { $0 + $1.count } }

    func analysis(session: String, turn: Int) -> Analysis? { byTurn[session]?[turn] }
}

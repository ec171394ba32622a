import Foundation
import TeachBack

/// `teachback rescore`: the heuristics run again over every recorded explanation, one session
/// per script host at a time (turns in order, each with its `ctx` as when it was taken), sessions
/// spread over the hosts by the ordered-parallel driver. With a baseline set of scripts each turn
/// is scored by both, for a paired comparison. Agreement with the recorded analyses is measured
/// only over turns on which every heuristic answered.
package struct Rescore: Sendable {
    /// One job: a script host, and the baseline's when comparing.
    package struct Worker: Sendable {
        var host: any ScriptHost
        var baseline: (any ScriptHost)?
        package init(host: any ScriptHost, baseline: (any ScriptHost)? = nil) {
            self.host = host
            self.baseline = baseline
        }
    }

    package var byHeuristic: Bool
    package var against: RecordedSession.Against = .claude
    /// Claude's analyses from `teachback judge`, compared with instead of the recorded ones.
    package var judged: JudgedAnalyses?

    package init(byHeuristic: Bool = false) {
        self.byHeuristic = byHeuristic
    }

    /// Sessions handed to the workers at once; bounds memory for files of any size.
    static let chunkSize = 256

    /// Writes a line per turn through `output`, reports skipped records and unreadable files
    /// through `report`, and returns the summary's figures (without the script list).
    package func run(files: [String], workers: [Worker], heuristics: [String], baselineHeuristics: [String] = [],
                     output: (String) -> Void, report: (String) -> Void) async throws -> RescoreSummary {
        let comparing = workers.first?.baseline != nil
        var summary = RescoreSummary(tally: HeuristicTally(names: heuristics),
                                     baselineTally: comparing ? HeuristicTally(names: baselineHeuristics) : nil, against: against)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        try await OrderedParallel.run(files: files, workers: workers, chunkSize: Self.chunkSize,
                                      work: { worker, record in await rescore(record, worker: worker) },
                                      unreadable: { report($0); summary.skippedRecords += 1 }) { result in
            switch result {
            case .failure(let failure):
                report(failure.message)
                summary.skippedRecords += 1
            case .success(let turns):
                summary.startSession()
                for turn in turns {
                    output(String(decoding: try encoder.encode(turn), as: UTF8.self))
                    summary.add(turn)
                }
            }
        }
        return summary
    }

    /// One record's turns, or why it was skipped.
    func rescore(_ record: InputRecord, worker: Worker) async -> Result<[RescoredTurn], RecordFailure> {
        var session: RecordedSession
        do {
            session = try RecordedSession(record, against: against)
        } catch {
            return .failure(RecordFailure("\(record.location): \(error.message)"))
        }
        if let judged {
            for i in session.turns.indices { session.turns[i].recorded = judged.analysis(session: session.id, turn: session.turns[i].number) }
        }
        let main = await analyses(session, host: worker.host)
        var baseline: [CheckedAnalysis]?
        if let host = worker.baseline { baseline = await analyses(session, host: host) }
        return .success(session.turns.indices.map { i in
            let turn = session.turns[i], checked = main[i]
            return RescoredTurn(id: session.id, line: session.line, turn: turn.number, mode: turn.mode,
                                localAnalysis: checked.analysis, recordedAnalysis: turn.recorded,
                                failedHeuristics: checked.failedNames,
                                heuristics: byHeuristic ? checked.breakdown : nil,
                                location: session.location, checked: checked, baseline: baseline?[i])
        })
    }

    /// The session's turns in order through one set of scripts, each seeing the earlier turns as
    /// they were recorded (or as this set scored them, where nothing was recorded) and the concepts
    /// this set found covered in them, as the REPL's session would remember them.
    func analyses(_ session: RecordedSession, host: any ScriptHost) async -> [CheckedAnalysis] {
        var history: [PastTurn] = []
        var covered: [String] = []
        var out: [CheckedAnalysis] = []
        for turn in session.turns {
            let context = AnalysisContext(topic: session.topic, mode: turn.mode, number: turn.number, history: history,
                                          covered: covered)
            let report = await host.analyze(turn.explanation, context: context)
            covered = Terms.union([covered, report.covered])
            let checked = CheckedAnalysis(report)
            history.append(PastTurn(explanation: turn.explanation, question: turn.question, analysis: turn.seen ?? checked.analysis))
            out.append(checked)
        }
        return out
    }
}

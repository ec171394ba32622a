import Foundation
import TeachBack

/// `teachback rescore`: the heuristics run again over every recorded explanation, one session
/// per script host at a time (turns in order, each with its `ctx` as when it was taken), sessions
/// spread over the hosts by the ordered-parallel driver. Agreement with the recorded analyses is
/// measured only over turns on which every heuristic answered.
package struct Rescore: Sendable {
    /// Heuristic name → its file, for messages about what a heuristic returned.
    package var heuristicFiles: [String: String]
    package var clamp: Bool
    package var byHeuristic: Bool

    package init(heuristicFiles: [String: String], clamp: Bool = false, byHeuristic: Bool = false) {
        self.heuristicFiles = heuristicFiles
        self.clamp = clamp
        self.byHeuristic = byHeuristic
    }

    /// Sessions handed to the workers at once; bounds memory for files of any size.
    static let chunkSize = 256

    /// Writes a line per turn through `output`, reports skipped records and unreadable files
    /// through `report`, and returns the summary's figures (without the script list).
    package func run(files: [String], hosts: [any ScriptHost], heuristics: [String],
                     output: (String) -> Void, report: (String) -> Void) async throws -> RescoreSummary {
        var summary = RescoreSummary(tally: HeuristicTally(names: heuristics))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        try await OrderedParallel.run(files: files, workers: hosts, chunkSize: Self.chunkSize,
                                      work: { host, record in await rescore(record, host: host) },
                                      unreadable: { report($0); summary.skippedRecords += 1 }) { result in
            switch result {
            case .failure(let failure):
                report(failure.message)
                summary.skippedRecords += 1
            case .success(let turns):
                summary.sessions += 1
                for turn in turns {
                    output(String(decoding: try encoder.encode(turn), as: UTF8.self))
                    summary.add(turn)
                }
            }
        }
        return summary
    }

    /// One record's turns, or why it was skipped.
    func rescore(_ record: InputRecord, host: any ScriptHost) async -> Result<[RescoredTurn], RecordFailure> {
        do {
            return .success(await rescore(try RecordedSession(record), host: host))
        } catch {
            return .failure(RecordFailure("\(record.location): \(error.message)"))
        }
    }

    package func rescore(_ session: RecordedSession, host: any ScriptHost) async -> [RescoredTurn] {
        var history: [PastTurn] = []
        var out: [RescoredTurn] = []
        for turn in session.turns {
            let context = AnalysisContext(topic: session.topic, mode: turn.mode, number: turn.number, history: history)
            let checked = CheckedAnalysis(await host.analyze(turn.explanation, context: context), files: heuristicFiles, clamp: clamp)
            history.append(PastTurn(explanation: turn.explanation, question: turn.question, analysis: turn.seen ?? checked.analysis))
            out.append(RescoredTurn(id: session.id, line: session.line, turn: turn.number, mode: turn.mode,
                                    localAnalysis: checked.analysis, recordedAnalysis: turn.recorded,
                                    failedHeuristics: checked.failures.map { $0.name ?? "(unnamed)" },
                                    heuristics: byHeuristic ? checked.breakdown : nil,
                                    location: session.location, checked: checked))
        }
        return out
    }
}

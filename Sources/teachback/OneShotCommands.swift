import ArgumentParser
import Foundation
import LuaHost
import REPL
import Research
import Store
import TeachBack

/// `teachback ask`: one turn, the explanation read from stdin.
struct AskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ask", abstract: "One turn: explanation on stdin, the student's question on stdout.")

    @OptionGroup var common: CommonOptions
    @Option(help: "What the explanation is about.") var topic: String
    @Flag(help: "Print one JSON object: session_id, number, question, analysis, topic, mode, backend, fallback_reason, timings_ms, usage, saved.") var json = false
    @Flag(help: "Do not save the turn (nor count it in progress and streaks); also TEACHBACK_NO_SAVE=1.") var noSave = false

    func run() async throws {
        let explanation = try readExplanation()
        let wiring = try await Wiring(common)
        let engine = wiring.engine(save: !noSave && wiring.environment["TEACHBACK_NO_SAVE"] != "1")
        let console = wiring.console()
        if let warning = wiring.storeWarning { console.warning(warning) }
        let start = await engine.start(topic: topic)
        let progress = BackendProgress(notice: { console.status(console.dim($0)) })
        guard let outcome = await engine.teach(explanation, progress: progress), let session = await engine.session else {
            throw ExitCode.failure
        }
        let end = await engine.end()
        for problem in start.problems + outcome.problems + end { console.warning(problem.message) }
        let turn = outcome.value
        if let reason = outcome.fallbackWarning { console.warning("using the local fallback: \(reason)") }
        let unsaved = await engine.retryUnsaved()
        if json {
            console.out(try JSONOutput.encode(TurnReport(session: session, turn: turn, saved: unsaved == 0)))
        } else {
            console.out(Sanitizer.clean(turn.question))
            console.status(Sanitizer.clean(Views.turnLine(turn)))
        }
        // The answer is printed either way; a turn the database would not take is rescued.
        if unsaved > 0 {
            console.warning(RescueFile.rescue(await engine.unsavedSessions, environment: wiring.environment))
            throw ExitCode.failure
        }
    }
}

/// `teachback analyze`: the local analysis only.
struct AnalyzeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "analyze", abstract: "Analyse an explanation from stdin with the local heuristics.")

    @OptionGroup var common: CommonOptions
    @Option(help: "What the explanation is about.") var topic: String
    @Flag(help: "Print the analysis object: confidence_score, clarity_score, knowledge_gaps, unexplained_jargon, strengths, source.") var json = false
    @Flag(help: "With --json: add `heuristics`, each heuristic's fields, notes and error.") var explain = false
    @Flag(help: "Exit 0 even when a heuristic failed or a script did not load (else 3).") var allowFailures = false
    @Flag(help: "Clamp a heuristic's score outside [0, 1] instead of counting it as a failure.") var clamp = false

    func run() async throws {
        let explanation = try readExplanation()
        var budgets = Budgets()
        budgets.clampScores = clamp
        let wiring = try await Wiring(common, budgets: budgets)
        let console = wiring.console()
        let heuristics = await wiring.host.heuristics
        let checked = CheckedAnalysis(await wiring.host.analyze(explanation, context: AnalysisContext(
            topic: topic, mode: wiring.mode, number: 1, history: [])))
        // Per heuristic: calls, failures with their messages, budget overruns (always when one failed).
        var tally = HeuristicTally(names: heuristics.map(\.name))
        tally.add(checked, at: "stdin")
        if !checked.failures.isEmpty || common.verbose {
            for line in tally.table(title: "heuristics") { console.status(line) }
        }
        if json {
            console.out(try JSONOutput.encode(Explained(analysis: checked.analysis, heuristics: explain ? checked.breakdown : nil)))
        } else {
            console.out(Sanitizer.clean(Views.analysis(checked.analysis)))
        }
        if common.verbose || !json {
            for result in checked.results where !result.notes.isEmpty {
                console.status(console.dim(Views.notes(of: result)))
            }
            console.status(console.dim(String(format: "lua: %.3f ms for %d heuristics (%d failed), %d words",
                                              checked.scriptTime.milliseconds, heuristics.count, checked.failures.count,
                                              explanation.split(whereSeparator: \.isWhitespace).count)))
        }
        // Wiring has reported scripts that did not load; their heuristics did not run either.
        let notLoaded = await wiring.host.loadErrors
        if !checked.failures.isEmpty || !notLoaded.isEmpty, !allowFailures { throw ExitCode(3) }
    }

    /// The analysis object, with `heuristics` beside its fields when asked for.
    struct Explained: Encodable {
        var analysis: Analysis
        var heuristics: [String: HeuristicBreakdown]?
        enum CodingKeys: String, CodingKey { case heuristics }
        func encode(to encoder: any Encoder) throws {
            try analysis.encode(to: encoder)
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encodeIfPresent(heuristics, forKey: .heuristics)
        }
    }
}

private func readExplanation() throws -> String {
    let data = FileHandle.standardInput.readDataToEndOfFile()
    let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    guard !text.isEmpty else { throw ValidationError("the explanation is read from stdin, and it was empty") }
    return text
}

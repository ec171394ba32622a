import ArgumentParser
import Foundation
import LuaHost
import REPL
import TeachBack

/// `teachback ask`: one turn, the explanation read from stdin.
struct AskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ask", abstract: "One turn: explanation on stdin, the student's question on stdout.")

    @OptionGroup var common: CommonOptions
    @Option(help: "What the explanation is about.") var topic: String
    @Flag(help: "Print one JSON object (DESIGN §6).") var json = false

    func run() async throws {
        let explanation = try readExplanation()
        let wiring = try await Wiring(common)
        let engine = wiring.engine()
        let console = wiring.console()
        let start = await engine.start(topic: topic)
        let progress = BackendProgress(notice: { console.status(console.dim($0)) })
        guard let outcome = await engine.teach(explanation, progress: progress) else { throw ExitCode.failure }
        let end = await engine.end()
        for problem in start.problems + outcome.problems + end { console.warning(problem.message) }
        let turn = outcome.value
        if let reason = outcome.fallbackWarning { console.warning("using the local fallback: \(reason)") }
        if json {
            console.out(try JSONOutput.encode(AskResult(topic: topic, turn: turn)))
        } else {
            console.out(Sanitizer.clean(turn.question))
            console.status(Sanitizer.clean(Views.turnLine(turn)))
        }
    }
}

/// `teachback analyze`: the local analysis only.
struct AnalyzeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "analyze", abstract: "Analyse an explanation from stdin with the local heuristics.")

    @OptionGroup var common: CommonOptions
    @Option(help: "What the explanation is about.") var topic: String
    @Flag(help: "Print the analysis object (DESIGN §3).") var json = false

    func run() async throws {
        let explanation = try readExplanation()
        let wiring = try await Wiring(common)
        let console = wiring.console()
        let report = await wiring.host.analyze(explanation, context: AnalysisContext(
            topic: topic, mode: wiring.mode, number: 1, history: []))
        for problem in report.problems { console.warning(problem.message) }
        if json {
            console.out(try JSONOutput.encode(report.analysis))
        } else {
            console.out(Sanitizer.clean(Views.analysis(report.analysis)))
        }
        if common.verbose || !json {
            for result in report.results where !result.notes.isEmpty {
                console.status(console.dim("\(result.name): " + result.notes.joined(separator: "; ")))
            }
            console.status(console.dim(String(format: "lua: %.3f ms for %d heuristics, %d words",
                                              report.scriptTime.milliseconds, report.results.count,
                                              explanation.split(whereSeparator: \.isWhitespace).count)))
        }
    }
}

private func readExplanation() throws -> String {
    let data = FileHandle.standardInput.readDataToEndOfFile()
    let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    guard !text.isEmpty else { throw ValidationError("the explanation is read from stdin, and it was empty") }
    return text
}

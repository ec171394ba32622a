import ArgumentParser
import Foundation
import LuaHost
import REPL
import Store
import TeachBack

/// `teachback rescore`: runs the heuristics (the built-in ones, or new ones from `--plugins`) over
/// every recorded explanation, writes one JSON line per turn to stdout, and summarises on stderr
/// how they agree with the recorded Claude analyses.
struct RescoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rescore",
        abstract: "Re-run the heuristics over recorded sessions and measure agreement with Claude's recorded analyses.")

    @OptionGroup var common: CommonOptions
    @Argument(help: "Files of sessions: our JSON/JSONL exports or the original service's session dicts.") var files: [String]
    @Option(help: "Lua states working at once (default: one per core).") var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    @Flag(help: "The summary as JSON.") var json = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    /// Sessions handed to the workers at once; bounds memory for files of any size.
    static let chunkSize = 256

    func run() async throws {
        let wiring = try await Wiring(common)
        var hosts = [wiring.host]
        for _ in 1..<jobs { hosts.append(try LuaScriptHost(paths: await wiring.host.paths, log: wiring.host.log)) }
        let out = BufferedOutput(fd: 1)
        var agreement = Agreement()
        var turns = 0, sessions = 0, failures = 0
        var stream = RecordStream(files: files)
        var chunk: [RecordedSession] = []
        func flush() async throws {
            for result in await Self.rescore(chunk, hosts: hosts) {
                for line in result {
                    out.line(try JSONOutput.encode(line))
                    turns += 1
                    if let recorded = line.recordedAnalysis { agreement.add(new: line.localAnalysis, recorded: recorded) }
                }
            }
            sessions += chunk.count
            chunk.removeAll(keepingCapacity: true)
        }
        while let record = stream.next() {
            do {
                chunk.append(try RecordedSession.parse(record.bytes, line: record.line))
            } catch {
                FileHandle.standardError.write(Data("\(stream.file):\(error.line): \(error.message)\n".utf8))
                failures += 1
            }
            if chunk.count == Self.chunkSize { try await flush() }
        }
        try await flush()
        out.flush()
        for file in stream.unreadable { FileHandle.standardError.write(Data("\(file): cannot read it\n".utf8)) }
        let summary = Summary(sessions: sessions, turns: turns, agreement: agreement)
        FileHandle.standardError.write(Data(((json ? try JSONOutput.encode(summary) : summary.text) + "\n").utf8))
        if failures + stream.unreadable.count > 0 { throw ExitCode.failure }
    }

    /// One output line per turn.
    struct Line: Encodable {
        var sessionID: String
        var turn: Int
        var localAnalysis: Analysis
        var recordedAnalysis: Analysis?
        enum CodingKeys: String, CodingKey {
            case sessionID = "session_id", turn, localAnalysis = "local_analysis", recordedAnalysis = "recorded_analysis"
        }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(sessionID, forKey: .sessionID)
            try c.encode(turn, forKey: .turn)
            try c.encode(localAnalysis, forKey: .localAnalysis)
            try c.encode(recordedAnalysis, forKey: .recordedAnalysis)
        }
    }

    /// Sessions spread over the hosts (one Lua state each), results in input order.
    static func rescore(_ sessions: [RecordedSession], hosts: [LuaScriptHost]) async -> [[Line]] {
        var results = Array(repeating: [Line](), count: sessions.count)
        await withTaskGroup(of: [(Int, [Line])].self) { group in
            for (w, host) in hosts.enumerated() {
                group.addTask {
                    var done: [(Int, [Line])] = []
                    for i in stride(from: w, to: sessions.count, by: hosts.count) {
                        done.append((i, await rescore(sessions[i], host: host)))
                    }
                    return done
                }
            }
            for await batch in group {
                for (i, lines) in batch { results[i] = lines }
            }
        }
        return results
    }

    /// One session's turns in order, each seeing the earlier ones as its history.
    static func rescore(_ session: RecordedSession, host: LuaScriptHost) async -> [Line] {
        var history: [PastTurn] = []
        var lines: [Line] = []
        for turn in session.turns {
            let context = AnalysisContext(topic: session.topic, mode: session.mode, number: turn.number, history: history)
            let analysis = await host.analyze(turn.explanation, context: context).analysis
            history.append(PastTurn(explanation: turn.explanation, question: "", analysis: analysis))
            lines.append(Line(sessionID: session.id, turn: turn.number, localAnalysis: analysis, recordedAnalysis: turn.recorded))
        }
        return lines
    }

    struct Summary: Encodable {
        var sessions: Int
        var turns: Int
        var agreement: Agreement

        enum CodingKeys: String, CodingKey {
            case sessions, turns, compared
            case clarityPearson = "clarity_pearson", confidencePearson = "confidence_pearson"
            case gapsJaccard = "gaps_jaccard", jargonJaccard = "jargon_jaccard"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(sessions, forKey: .sessions)
            try c.encode(turns, forKey: .turns)
            try c.encode(agreement.turns, forKey: .compared)
            try c.encode(agreement.clarityPearson, forKey: .clarityPearson)
            try c.encode(agreement.confidencePearson, forKey: .confidencePearson)
            try c.encode(agreement.meanGapsJaccard, forKey: .gapsJaccard)
            try c.encode(agreement.meanJargonJaccard, forKey: .jargonJaccard)
        }

        var text: String {
            func f(_ v: Double?) -> String { v.map { String(format: "%.3f", $0) } ?? "n/a" }
            return """
            rescored \(turns) turns in \(sessions) sessions; \(agreement.turns) had a recorded Claude analysis
            clarity     Pearson r     \(f(agreement.clarityPearson))
            confidence  Pearson r     \(f(agreement.confidencePearson))
            gaps        mean Jaccard  \(f(agreement.meanGapsJaccard))
            jargon      mean Jaccard  \(f(agreement.meanJargonJaccard))
            """
        }
    }
}

import FakeClaude
import Foundation

/// Case 11: `teachback judge` plans 100,000 requests (20,000 sessions of five turns), submits
/// them as Message Batches to an in-process fake-claude, polls, downloads the results and
/// writes the output. Peak RSS of the whole job shows the input, the batch body and the
/// results are streamed, not held.
enum JudgeCase {
    static let sessions = 20_000, turns = 5
    static let targetBytes = 64_000_000.0

    static func run(_ layout: Layout) throws -> CaseResult {
        var result = CaseResult(11, "Judge: 100,000 requests by Message Batches")
        let server = FakeClaudeServer()
        try server.start()
        defer { server.stop() }
        let work = try Layout.temporaryDirectory("judge")
        defer { try? FileManager.default.removeItem(atPath: work) }
        let input = work + "/sessions.jsonl", output = work + "/judged.jsonl"
        try writeInput(input)
        var environment = layout.teachbackEnvironment(home: work)
        environment["ANTHROPIC_API_KEY"] = "bench-key"
        environment["ANTHROPIC_BASE_URL"] = server.baseURL ?? ""

        let started = ContinuousClock.now
        let finished = try ChildProcess.run(layout.teachback, ["judge", input, "-o", output, "--yes", "--poll", "0.2"],
                                            environment: environment)
        try finished.check("teachback judge")
        let creates = server.requests(of: .batchCreate)
        let submitted = creates.last.map { started.duration(to: $0.arrival).ms } ?? .nan
        let requests = sessions * turns
        let once = server.batchSubmissions.count == requests && server.batchSubmissions.values.allSatisfy { $0 == 1 }
        let lines = try lineCount(output)
        guard lines == requests else { throw BenchmarkError("\(lines) output lines for \(requests) requests") }
        let bodyBytes = creates.reduce(0) { $0 + $1.body.count }
        let bytes = Double(finished.maxRSSKiB) * 1024

        result.row("start → last batch body received by fake-claude (plan + spool + upload)", String(format: "%.2f s", submitted / 1000))
        result.row("whole job: plan, submit, poll, download \(Format.count(Double(requests))) results, write", String(format: "%.2f s", finished.wall.ms / 1000))
        result.row("peak RSS of teachback judge", Format.mb(kib: finished.maxRSSKiB), target: "≤ 64 MB", Verdict(bytes <= targetBytes))
        result.row("every custom_id submitted exactly once", once ? "yes" : "no", target: "yes", Verdict(once))
        result.metrics = ["requests": Double(requests), "batches": Double(creates.count), "batch_body_bytes": Double(bodyBytes),
                          "submitted_ms": submitted, "wall_ms": finished.wall.ms, "max_rss_kib": Double(finished.maxRSSKiB),
                          "measuring_floor_kib": Double(MeasuredChild.floorKiB)]
        result.notes.append("\(Format.count(Double(requests))) requests in \(creates.count) batch(es), "
                            + String(format: "%.0f MB of request bodies; ", Double(bodyBytes) / 1e6)
                            + "fake-claude ends each batch at once and serves its results without delay, so the times are teachback's")
        return result
    }

    /// The original service's session dicts, one a line.
    private static func writeInput(_ path: String) throws {
        guard let handle = FileHandle(forWritingAtPath: path) ?? {
            FileManager.default.createFile(atPath: path, contents: nil)
            return FileHandle(forWritingAtPath: path)
        }() else { throw BenchmarkError("cannot write \(path)") }
        defer { try? handle.close() }
        var block = ""
        for session in 0..<sessions {
            let history = (0..<turns).map { turn in
                #"{"role":"user","content":"# + quoted(Prose.explanation(turn: session * turns + turn))
                    + #"},{"role":"assistant","content":"Why does that work?"}"#
            }
            block += #"{"id":"bench\#(session)","topic":"recursion","conversation_history":[\#(history.joined(separator: ","))]}"# + "\n"
            if block.utf8.count > 1 << 20 {
                handle.write(Data(block.utf8))
                block = ""
            }
        }
        handle.write(Data(block.utf8))
    }

    private static func quoted(_ text: String) -> String {
        String(decoding: (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8), as: UTF8.self)
    }

    private static func lineCount(_ path: String) throws -> Int {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw BenchmarkError("cannot read \(path)") }
        defer { try? handle.close() }
        var count = 0
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { count += chunk.reduce(0) { $0 + ($1 == 10 ? 1 : 0) } }
        return count
    }
}

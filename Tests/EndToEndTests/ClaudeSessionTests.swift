import FakeClaude
import Foundation
import Testing

/// The real binary talking to a real fake-claude on loopback.
@Suite(.serialized) struct ClaudeSessionTests {
    static let key = "tb-test-E2E-SECRET-KEY-0123456789"

    func claudeEnvironment(_ server: FakeClaudeServer) -> [String: String] {
        ["ANTHROPIC_API_KEY": Self.key, "ANTHROPIC_BASE_URL": server.baseURL ?? "", "NO_COLOR": "1"]
    }

    @Test func askJsonReportsClaudeForBothPartsWithTimingsAndUsage() throws {
        try FakeClaudeServer.running() { server in
            let result = try Binary.run(["ask", "--topic", "recursion", "--json"], input: "It calls itself until a base case.",
                                        home: try Binary.sandbox(), extra: claudeEnvironment(server))
            #expect(result.status == 0)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            #expect(object["question"] as? String == "Why does the base case matter?")
            #expect(object["backend"] as? [String: String] == ["analysis": "claude", "question": "claude"])
            let timings = try #require(object["timings_ms"] as? [String: Any])
            #expect(timings["first_token"] is Double)
            let usage = try #require(object["usage"] as? [String: Int])
            #expect((usage["output_tokens"] ?? 0) > 6, "both calls' tokens are counted")
            #expect((usage["input_tokens"] ?? 0) > 0)
            let analysis = try #require(object["analysis"] as? [String: Any])
            #expect(analysis["source"] as? String == "claude+local")
        }
    }

    @Test func retriesAreShownThenTheFallbackWithOneClearReasonAndTheKeyIsWrittenNowhere() throws {
        try FakeClaudeServer.running() { server in
            server.enqueue(Array(repeating: Fault.apiError(529, retryAfterMs: 20), count: 3), for: .analysis)
            server.enqueue(.apiError(401, message: "bad key \(Self.key)"), for: .question)
            let home = try Binary.sandbox()
            let input = ":teach recursion\nIt calls itself.\n:backend\n:export \(home)/out.json\n:export \(home)/out.md\n:stats\n"
            let result = try Binary.run([], input: input, home: home, extra: claudeEnvironment(server))
            #expect(result.status == 0)
            #expect(result.stderr.contains("analysis: retrying in 0.0s (1/2)"))
            #expect(result.stderr.contains("analysis: retrying in 0.0s (2/2)"))
            let fallbackLines = result.stderr.split(separator: "\n").filter { $0.contains("using the local fallback") }
            #expect(fallbackLines.count == 1)
            #expect(fallbackLines.first?.contains("analysis: overloaded (529") == true)
            #expect(fallbackLines.first?.contains("question: ") == true)
            #expect(result.stdout.contains("model: claude-sonnet-4-5"))
            #expect(result.stdout.contains("last fallback: turn 1"))
            #expect(result.stdout.contains("recursion · socratic · 1 turn"))
            #expect(server.requests(of: .analysis).count == 3)
            // The key went to the server in a header, and nowhere else.
            #expect(server.requests.allSatisfy { $0.headers["x-api-key"] == Self.key })
            #expect(!result.stdout.contains(Self.key) && !result.stderr.contains(Self.key))
            #expect(result.stdout.contains("tb-test…6789"), ":backend shows it masked")
            for file in try Self.allFiles(under: home) {
                let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
                #expect(bytes.range(of: Data(Self.key.utf8)) == nil, "the key was written to \(file)")
            }
        }
    }

    @Test func ctrlCDuringAStreamStopsItKeepsTheExplanationAndReturnsToThePrompt() throws {
        try FakeClaudeServer.running(FakeClaudeConfig(question: Scenario(tokenInterval: 1.5, tokens: ["Why ", "does ", "it ", "stop?"]))) { server in
            let home = try Binary.sandbox()
            let term = try Terminal([], home: home, extra: claudeEnvironment(server))
            var at = term.expect("teachback[socratic]> ")
            term.type(":teach recursion\r")
            at = term.expect("recursion]> ", after: at)
            term.type("It calls itself.\r")
            at = term.expect("student› Why ", after: at)
            kill(term.process.processIdentifier, SIGINT)
            at = term.expect("[interrupted]", after: at)
            at = term.expect("teachback[socratic · recursion]> ", after: at)
            let deadline = Date().addingTimeInterval(2)
            while server.clientCloses.isEmpty, Date() < deadline { usleep(5_000) }
            #expect(!server.clientCloses.isEmpty, "the transfer was stopped, not abandoned")
            term.type(":history\r")
            at = term.expect("It calls itself.", after: at)
            term.type(":quit\r")
            #expect(term.waitForExit() == 0)
        }
    }

    static func allFiles(under dir: String) throws -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: dir) else { return [] }
        var files: [String] = []
        while let relative = walker.nextObject() as? String {
            var isDir: ObjCBool = false
            let path = dir + "/" + relative
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue { files.append(path) }
        }
        return files
    }
}

import FakeClaude
import Foundation
import Testing

/// `teachback judge` through the binary on fake-claude, killed with SIGKILL while submitting,
/// polling and downloading, then `--resume`d: fake-claude counts every custom_id submitted
/// exactly once and the output holds every turn exactly once, in input order.
@Suite(.serialized) struct JudgeTests {
    /// Ten sessions of three turns: 30 requests, three batches of ten.
    static let customIDs = (0..<10).flatMap { s in (1...3).map { "j\(s)-\($0)" } }

    static func input(home: String) throws -> String {
        let records = (0..<10).map { s in
            let history = (1...3).map { #"{"role":"user","content":"Session \#(s) turn \#($0): a function calls itself."},{"role":"assistant","content":"Why?"}"# }
            return #"{"id":"j\#(s)","topic":"recursion","conversation_history":[\#(history.joined(separator: ","))]}"#
        }
        let path = home + "/sessions.jsonl"
        try (records.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func environment(_ server: FakeClaudeServer) -> [String: String] {
        ["ANTHROPIC_API_KEY": "tb-e2e-judge-key", "ANTHROPIC_BASE_URL": server.baseURL ?? ""]
    }

    static func waitUntil(_ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(30)
        while !condition() {
            if Date() > deadline { return false }
            usleep(2000)
        }
        return true
    }

    enum Phase: String, CaseIterable { case submit, poll, download }

    @Test(arguments: Phase.allCases)
    func killDashNineThenResumeSubmitsAndWritesEverythingOnce(phase: Phase) throws {
        var scenario = BatchScenario()
        switch phase {
        case .submit: scenario.createLatency = 2.5
        case .poll: scenario.processingTime = 2
        case .download: scenario.resultLineInterval = 0.03
        }
        try FakeClaudeServer.running(FakeClaudeConfig(batches: scenario)) { server in
            let home = try Binary.sandbox()
            let input = try Self.input(home: home), output = home + "/judged.jsonl"
            let running = try Running(["judge", input, "-o", output, "--yes", "--poll", "0.05", "--batch-requests", "10"],
                                      home: home, extra: Self.environment(server))
            let reached = Self.waitUntil {
                switch phase {
                case .submit: server.batchIDs.count >= 2  // the second batch exists; its answer is 2.5 s away
                case .poll: server.batchIDs.count == 3 && server.requests(of: .batchRetrieve).count >= 2
                case .download: server.requests(of: .batchResults).count >= 2
                }
            }
            #expect(reached, "the run never reached the \(phase) phase")
            if phase == .download { usleep(100_000) }  // part of the second batch's results are in
            kill(running.process.processIdentifier, SIGKILL)
            let killed = running.finish()
            #expect(killed.status == SIGKILL, "\(killed.stderr)")

            server.updateConfig { $0.batches = BatchScenario() }
            let resumed = try Binary.run(["judge", "--resume", "1", "--poll", "0.05"], home: home, extra: Self.environment(server))
            #expect(resumed.status == 0, "\(resumed.stderr)")
            #expect(resumed.stderr.contains("judge job 1: 30 succeeded"), "\(resumed.stderr)")
            #expect(server.batchIDs.count == 3, "no batch created twice")
            if phase == .submit {
                #expect(resumed.stderr.contains("found msgbatch_fake_2 on the API"), "\(resumed.stderr)")
            }
            #expect(server.batchSubmissions == Dictionary(uniqueKeysWithValues: Self.customIDs.map { ($0, 1) }))
            let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
            let ids = lines.compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["id"] as? String }
            #expect(ids == Self.customIDs, "every turn once, in input order")
        }
    }

    @Test func directKilledThenResumedResendsAtMostWhatWasInFlight() throws {
        try FakeClaudeServer.running(FakeClaudeConfig(analysis: Scenario(latency: 0.05))) { server in
            let home = try Binary.sandbox()
            let input = try Self.input(home: home), output = home + "/judged.jsonl"
            let running = try Running(["judge", input, "-o", output, "--yes", "--direct", "3"], home: home, extra: Self.environment(server))
            #expect(Self.waitUntil { server.requests(of: .analysis).count >= 12 })
            kill(running.process.processIdentifier, SIGKILL)
            _ = running.finish()
            let before = server.requests(of: .analysis).count
            let resumed = try Binary.run(["judge", "--resume", "1"], home: home, extra: Self.environment(server))
            #expect(resumed.status == 0 && resumed.stderr.contains("30 succeeded"), "\(resumed.stderr)")
            // Answers are stored as they arrive: only the (at most 3) calls in flight at the kill go again.
            let sent = server.requests(of: .analysis).count
            #expect(before < 30 && sent >= 30 && sent <= 30 + 3, "\(before) before the kill, \(sent) in all")
            let ids = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n").compactMap {
                (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["id"] as? String
            }
            #expect(ids == Self.customIDs)
        }
    }

    @Test func atATerminalItAsksToSubmitAndCtrlCAsksToCancel() throws {
        try FakeClaudeServer.running(FakeClaudeConfig(batches: BatchScenario(processingTime: 60))) { server in
            let home = try Binary.sandbox()
            let input = try Self.input(home: home), output = home + "/judged.jsonl"
            let term = try Terminal(["judge", input, "-o", output, "--poll", "0.05", "--batch-requests", "10"], home: home,
                                    extra: Self.environment(server))
            var at = term.expect("Submit? [y/N] ")
            #expect(server.requests.isEmpty, "nothing is sent before the answer")
            term.type("y\r")
            at = term.expect("batch 3/3 submitted", after: at)
            #expect(Self.waitUntil { !server.requests(of: .batchRetrieve).isEmpty })
            kill(term.process.processIdentifier, SIGINT)
            at = term.expect("Cancel the batches on the API? [y/N] ", after: at)
            term.type("y\r")
            term.expect("judge job 1: 30 canceled", after: at)
            #expect(term.waitForExit() == 0, "\(term.transcript)")
            #expect(server.requests(of: .batchCancel).count == 3)
            let results = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n").compactMap {
                (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["result"] as? String
            }
            #expect(results == Array(repeating: "canceled", count: 30))
        }
    }

    @Test func thePlanIsPricedFromInitLuaAtHalfPriceAndMaxCostRefuses() throws {
        try FakeClaudeServer.running() { server in
            let home = try Binary.sandbox()
            try FileManager.default.createDirectory(atPath: home + "/config/teachback", withIntermediateDirectories: true)
            try #"teachback.config { model = "claude-test", prices = { ["claude-test"] = { input = 3, output = 15 } } }"#
                .write(toFile: home + "/config/teachback/init.lua", atomically: true, encoding: .utf8)
            let input = try Self.input(home: home)
            let refused = try Binary.run(["judge", input, "-o", home + "/out.jsonl", "--yes", "--max-cost", "0.01"], home: home,
                                         extra: Self.environment(server))
            // 30 requests × 600 output tokens × $15 / 1e6 = $0.27, plus the input, halved: about $0.14.
            #expect(refused.status == 2)
            #expect(refused.stderr.contains(/output ≤ 18000 tokens; cost ≤ \$0\.1\d at the batch price/), "\(refused.stderr)")
            #expect(refused.stderr.contains("above --max-cost $0.01"))
            #expect(server.requests.isEmpty)
            let status = try Binary.run(["judge", "--status"], home: home)
            #expect(status.stdout.contains("no judge jobs"), "a refused job is not kept: \(status.stdout)")
            let allowed = try Binary.run(["judge", input, "-o", home + "/out.jsonl", "--yes", "--max-cost", "1", "--poll", "0.05"],
                                         home: home, extra: Self.environment(server))
            #expect(allowed.status == 0 && allowed.stderr.contains("30 succeeded"), "\(allowed.stderr)")
            #expect(allowed.stderr.contains("; cost $0.0"), "the summary prices the tokens used: \(allowed.stderr)")
        }
    }

    @Test func ctrlCWithoutATerminalLeavesTheBatchesRunningAndResumeFinishes() throws {
        try FakeClaudeServer.running(FakeClaudeConfig(batches: BatchScenario(processingTime: 1))) { server in
            let home = try Binary.sandbox()
            let input = try Self.input(home: home), output = home + "/judged.jsonl"
            let running = try Running(["judge", input, "-o", output, "--yes", "--poll", "0.05"], home: home, extra: Self.environment(server))
            #expect(Self.waitUntil { !server.requests(of: .batchRetrieve).isEmpty })
            kill(running.process.processIdentifier, SIGINT)
            let stopped = running.finish()
            #expect(stopped.status == 130, "\(stopped.stderr)")
            #expect(stopped.stderr.contains("the batches keep running on the API; resume with: teachback judge --resume 1"))
            #expect(server.requests(of: .batchCancel).isEmpty)
            let resumed = try Binary.run(["judge", "--resume", "1", "--poll", "0.05"], home: home, extra: Self.environment(server))
            #expect(resumed.status == 0 && resumed.stderr.contains("30 succeeded"), "\(resumed.stderr)")
            #expect(server.batchSubmissions.count == 30 && server.batchSubmissions.values.allSatisfy { $0 == 1 })
        }
    }

    @Test func withoutATerminalItAsksForYesThenDirectStatusAndRescore() throws {
        try FakeClaudeServer.running() { server in
            let home = try Binary.sandbox()
            let input = try Self.input(home: home)
            let refused = try Binary.run(["judge", input, "-o", home + "/out.jsonl"], home: home, extra: Self.environment(server))
            #expect(refused.status == 2)
            #expect(refused.stderr.contains("30 request(s) in 1 batch(es)") && refused.stderr.contains("--yes"), "\(refused.stderr)")
            #expect(server.requests.isEmpty)

            let done = try Binary.run(["judge", input, "-o", home + "/out.jsonl", "--yes", "--direct", "4"], home: home,
                                      extra: Self.environment(server))
            #expect(done.status == 0, "\(done.stderr)")
            #expect(server.requests(of: .analysis).count == 30)
            // judge then rescore: the heuristics measured against Claude's analyses of the same turns.
            let rescored = try Binary.run(["rescore", input, "--judged", home + "/out.jsonl"], home: home)
            let recorded = rescored.stdout.split(separator: "\n").compactMap {
                ((try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["recorded_analysis"] as? [String: Any])?["clarity_score"] as? Double
            }
            #expect(recorded == Array(repeating: 0.7, count: 30), "\(rescored.stderr)")
            #expect(rescored.stderr.contains("30 turns on which every heuristic answered"), "\(rescored.stderr)")

            let status = try Binary.run(["judge", "--status"], home: home)
            #expect(status.stdout.contains("· done · direct 4 ·") && status.stdout.contains("30 succeeded"), "\(status.stdout)")
            // The key is in no file the job left behind.
            let files = FileManager.default.enumerator(atPath: home)?.allObjects as? [String] ?? []
            #expect(files.contains { $0.hasSuffix("teachback.sqlite") })
            for file in files {
                let data = FileManager.default.contents(atPath: home + "/" + file) ?? Data()
                #expect(data.range(of: Data("tb-e2e-judge-key".utf8)) == nil, "\(file) holds the API key")
            }
        }
    }
}

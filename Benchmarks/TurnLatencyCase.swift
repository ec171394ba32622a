import Claude
import FakeClaude
import LuaHost
import Synchronization
import TeachBack

/// Cases 1–3: whole turns against an in-process fake Claude (analysis 400 ms; question: first
/// token at 150 ms, then 39 more 5 ms apart), with the real Lua host and the built-in scripts.
/// Each round runs, side by side: a parallel turn, a sequential turn, and the two calls alone.
enum TurnLatencyCase {
    static let turns = 30, warmUp = 3
    static let analysisLatency = 0.400, firstToken = 0.150, tokenInterval = 0.005, tokenCount = 40
    /// The server's scripted time for a parallel turn: the slower of the two calls.
    static let scriptedMs = max(analysisLatency, firstToken + Double(tokenCount) * tokenInterval) * 1000

    struct Round {
        var parallel: Double, sequential: Double, firstToken: Double
        var analysisAlone: Double, questionAlone: Double, firstTokenAlone: Double
        var limit: Double { max(analysisAlone, questionAlone) }
    }

    static func run(_ layout: Layout) async throws -> [CaseResult] {
        let server = FakeClaudeServer(config: FakeClaudeConfig(
            analysis: Scenario(latency: analysisLatency),
            question: Scenario(firstTokenDelay: firstToken, tokenInterval: tokenInterval,
                               tokens: Scenario.generatedTokens(tokenCount))))
        try server.start(port: 0)
        defer { server.stop() }
        guard let base = server.baseURL else { throw BenchmarkError("the fake server has no port") }
        // No retries: a failed call must show up as a fallback, not as a slow turn.
        let client = MessagesClient(config: ClaudeConfig(apiKey: "sk-bench-dummy-key", baseURL: base, retry: RetryPolicy(maxRetries: 0)))
        let backend = ClaudeBackend(client: client)
        let host = try LuaScriptHost(paths: ScriptPaths(builtinRoot: layout.repoRoot, userConfig: nil))
        let parallel = TurnEngine(script: host, mode: "socratic", backend: backend, parallel: true)
        let sequential = TurnEngine(script: host, mode: "socratic", backend: backend, parallel: false)
        _ = await parallel.start(topic: "recursion")
        _ = await sequential.start(topic: "recursion")

        var rounds: [Round] = []
        for index in 0..<(warmUp + turns) {
            let text = Prose.explanation(turn: index)
            let (parallelMs, turn) = try await timedTurn(parallel, text)
            let (sequentialMs, _) = try await timedTurn(sequential, text)
            let alone = try await callsAlone(backend, text)
            guard let first = turn.timings.firstToken else { throw BenchmarkError("a parallel turn recorded no first token") }
            if index >= warmUp {
                rounds.append(Round(parallel: parallelMs, sequential: sequentialMs, firstToken: first,
                                    analysisAlone: alone.analysis, questionAlone: alone.question, firstTokenAlone: alone.firstToken))
            }
        }
        return [latency(rounds), overhead(rounds), firstTokens(rounds)]
    }

    /// Wall time of one `teach` (until it returns, after saving and hooks), and the turn.
    private static func timedTurn(_ engine: TurnEngine, _ text: String) async throws -> (Double, Turn) {
        let clock = ContinuousClock()
        let started = clock.now
        guard let turn = await engine.teach(text)?.value else { throw BenchmarkError("the engine has no session") }
        let elapsed = (clock.now - started).ms
        guard turn.backend.analysis == .claude, turn.backend.question == .claude else {
            throw BenchmarkError("a turn fell back: \(turn.fallbackReason ?? "no reason given")")
        }
        return (elapsed, turn)
    }

    /// The analysis call alone, then the question stream alone, through the same backend.
    private static func callsAlone(_ backend: ClaudeBackend, _ text: String) async throws -> (analysis: Double, question: Double, firstToken: Double) {
        let clock = ContinuousClock()
        var started = clock.now
        _ = try await backend.analyze(topic: "recursion", explanation: text, history: [], progress: BackendProgress())
        let analysis = (clock.now - started).ms
        let prompt = QuestionPrompt(system: "You are a Socratic student learning recursion. Ask one probing question.",
                                    user: "The teacher said:\n\(text)\nAsk your next question.")
        let first = FirstFragment()
        started = clock.now
        _ = try await backend.ask(prompt, progress: BackendProgress(text: { _ in first.mark() }))
        let question = (clock.now - started).ms
        return (analysis, question, first.at.map { ($0 - started).ms } ?? .nan)
    }

    private static func latency(_ rounds: [Round]) -> CaseResult {
        var result = CaseResult(1, "Turn latency")
        let p = rounds.map(\.parallel), s = rounds.map(\.sequential), l = rounds.map(\.limit)
        let ratio = (median: Stats.median(p) / Stats.median(l), p95: Stats.percentile(p, 95) / Stats.percentile(l, 95))
        let sequentialRatio = (median: Stats.median(s) / Stats.median(p), p95: Stats.percentile(s, 95) / Stats.percentile(p, 95))
        result.row("parallel turn, median / p95 (\(rounds.count) turns)", Format.pair(Stats.median(p), Stats.percentile(p, 95)))
        result.row("sequential turn, median / p95 (\(rounds.count) turns)", Format.pair(Stats.median(s), Stats.percentile(s, 95)))
        result.row("limit: slower call alone, median / p95 (\(rounds.count) pairs)", Format.pair(Stats.median(l), Stats.percentile(l, 95)))
        result.row("parallel / limit, median / p95", "\(Format.ratio(ratio.median)) / \(Format.ratio(ratio.p95))",
                   target: "median ≤ 1.05", Verdict(ratio.median <= 1.05))
        result.row("sequential / parallel, median / p95", "\(Format.ratio(sequentialRatio.median)) / \(Format.ratio(sequentialRatio.p95))",
                   target: "≈ 1.9 expected (750 / 400 ms scripted)")
        result.metrics = [
            "parallel_median_ms": Stats.median(p), "parallel_p95_ms": Stats.percentile(p, 95),
            "sequential_median_ms": Stats.median(s), "sequential_p95_ms": Stats.percentile(s, 95),
            "limit_median_ms": Stats.median(l), "limit_p95_ms": Stats.percentile(l, 95),
            "analysis_alone_median_ms": Stats.median(rounds.map(\.analysisAlone)),
            "question_alone_median_ms": Stats.median(rounds.map(\.questionAlone)),
            "parallel_over_limit_median": ratio.median, "parallel_over_limit_p95": ratio.p95,
            "sequential_over_parallel_median": sequentialRatio.median, "sequential_over_parallel_p95": sequentialRatio.p95,
            "turns": Double(rounds.count),
        ]
        result.notes.append("in-process FakeClaudeServer; TurnEngine + ClaudeBackend + LuaScriptHost (built-in scripts), no store; "
                            + "each round runs a parallel turn, a sequential turn and the two calls alone, after \(warmUp) warm-up rounds")
        return result
    }

    private static func overhead(_ rounds: [Round]) -> CaseResult {
        var result = CaseResult(2, "Overhead")
        let overhead = rounds.map { $0.parallel - scriptedMs }
        let overLimit = rounds.map { $0.parallel - $0.limit }
        result.row(String(format: "parallel turn − %.0f ms scripted, median / p99", scriptedMs),
                   Format.pair(Stats.median(overhead), Stats.percentile(overhead, 99)),
                   target: "median ≤ 5 ms", Verdict(Stats.median(overhead) <= 5))
        result.row("slower call alone − scripted, median", Format.ms(Stats.median(rounds.map(\.limit)) - scriptedMs),
                   target: "(client + loopback share)")
        result.row("parallel turn − limit (same round), median / p99", Format.pair(Stats.median(overLimit), Stats.percentile(overLimit, 99)),
                   target: "(engine + scripts share)")
        result.metrics = [
            "overhead_median_ms": Stats.median(overhead), "overhead_p99_ms": Stats.percentile(overhead, 99),
            "over_limit_median_ms": Stats.median(overLimit), "over_limit_p99_ms": Stats.percentile(overLimit, 99),
            "scripted_ms": scriptedMs,
        ]
        return result
    }

    private static func firstTokens(_ rounds: [Round]) -> CaseResult {
        var result = CaseResult(3, "First question token")
        let late = rounds.map { $0.firstToken - firstToken * 1000 }
        let lateAlone = rounds.map { $0.firstTokenAlone - firstToken * 1000 }
        result.row(String(format: "turn.timings.firstToken − %.0f ms scripted, median (p95)", firstToken * 1000),
                   "\(Format.ms(Stats.median(late))) (\(Format.ms(Stats.percentile(late, 95))))",
                   target: "≤ +5 ms", Verdict(Stats.median(late) <= 5))
        result.row("question call alone: first fragment − scripted, median", Format.ms(Stats.median(lateAlone)),
                   target: "(client + loopback share)")
        result.metrics = [
            "first_token_median_ms": Stats.median(rounds.map(\.firstToken)),
            "first_token_late_median_ms": Stats.median(late), "first_token_late_p95_ms": Stats.percentile(late, 95),
            "first_token_alone_late_median_ms": Stats.median(lateAlone),
        ]
        return result
    }
}

/// When the first streamed fragment arrived; written from the transfer thread.
private final class FirstFragment: Sendable {
    private let instant = Mutex<ContinuousClock.Instant?>(nil)
    func mark() { instant.withLock { if $0 == nil { $0 = .now } } }
    var at: ContinuousClock.Instant? { instant.withLock { $0 } }
}

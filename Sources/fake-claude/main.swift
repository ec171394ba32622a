// fake-claude: a local stand-in for the Anthropic Messages API, for demos, tests and benchmarks.
//
//     swift run fake-claude --port 0 --token-interval-ms 40
//     ANTHROPIC_BASE_URL=http://127.0.0.1:PORT ANTHROPIC_API_KEY=x teachback
import ArgumentParser
import FakeClaude
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Flags map one to one onto `FakeClaudeConfig`; times are milliseconds here, seconds there.
struct FakeClaudeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fake-claude",
        abstract: "Serve a fake Anthropic Messages API on 127.0.0.1 until SIGINT/SIGTERM.")

    @Option(help: "Port to listen on (0 = any free port).")
    var port: Int = 8765

    @Option(help: "Milliseconds before an analysis reply's headers.")
    var analysisLatencyMs: Double = 0

    @Option(help: "Milliseconds before a question stream's headers.")
    var questionLatencyMs: Double = 0

    @Option(help: "Milliseconds between a stream's headers and its first text token.")
    var firstTokenMs: Double = 0

    @Option(help: "Milliseconds between text tokens.")
    var tokenIntervalMs: Double = 0

    @Option(help: "Number of text fragments per question (default: a six-token question).")
    var tokens: Int?

    @Option(help: "Fraction of requests answered with a random retryable failure (500, 529, 429, cut stream).")
    var failRate: Double = 0

    @Option(help: "Seed for --fail-rate.")
    var seed: UInt64 = 0

    @Option(help: "The analysis text (JSON) returned by non-streaming requests.")
    var analysisText: String?

    @Option(help: "Milliseconds from a Message Batch's creation until it has ended.")
    var batchProcessingMs: Double = 0

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0...65535") }
        guard (0...1).contains(failRate) else { throw ValidationError("--fail-rate must be 0...1") }
        guard (tokens ?? 0) >= 0 else { throw ValidationError("--tokens must not be negative") }
        for value in [analysisLatencyMs, questionLatencyMs, firstTokenMs, tokenIntervalMs, batchProcessingMs] where !(value >= 0) {
            throw ValidationError("times must be non-negative milliseconds")
        }
    }

    func run() throws {
        let question = Scenario(
            latency: questionLatencyMs / 1000, firstTokenDelay: firstTokenMs / 1000,
            tokenInterval: tokenIntervalMs / 1000,
            tokens: tokens.map(Scenario.generatedTokens) ?? Scenario.defaultTokens)
        let analysis = Scenario(
            latency: analysisLatencyMs / 1000,
            analysisText: analysisText ?? Scenario.defaultAnalysisText)
        let server = FakeClaudeServer(config: FakeClaudeConfig(
            analysis: analysis, question: question, failRate: failRate, seed: seed,
            batches: BatchScenario(processingTime: batchProcessingMs / 1000, analysisText: analysisText ?? Scenario.defaultAnalysisText)))

        // Block the signals before any server thread exists (threads inherit the mask),
        // so only the sigwait below receives them.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        signal(SIGPIPE, SIG_IGN)

        let bound: UInt16
        do {
            bound = try server.start(port: UInt16(port))
        } catch {
            FileHandle.standardError.write(Data("fake-claude: \(error)\n".utf8))
            throw ExitCode.failure
        }
        print("fake-claude listening on http://127.0.0.1:\(bound)")
        fflush(nil)  // all streams: `stdout` itself is not concurrency-safe to name in Swift 6

        var received: Int32 = 0
        sigwait(&signals, &received)
        server.stop()
    }
}

FakeClaudeCommand.main()

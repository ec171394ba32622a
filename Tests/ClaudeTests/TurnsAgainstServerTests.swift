import Foundation
import Testing
@testable import Claude
import FakeClaude
import TeachBack

/// Whole turns through ClaudeBackend and a real server: concurrency, fallbacks, records.
@Suite(.serialized) struct TurnsAgainstServerTests {
    func engine(_ f: FakeServerFixture, parallel: Bool) async -> TurnEngine {
        let engine = TurnEngine(script: StubScripts(), mode: "socratic", backend: f.backend, parallel: parallel)
        _ = await engine.start(topic: "recursion")
        return engine
    }

    @Test func aParallelTurnTakesTheSlowerCallAndASequentialOneTheSum() async throws {
        let slow = Scenario(latency: 0.3)
        let f = try FakeServerFixture(FakeClaudeConfig(analysis: slow, question: slow))
        defer { f.server.stop() }
        let clock = ContinuousClock()
        let parallel = await engine(f, parallel: true)
        _ = await parallel.teach("warm up the connection pool")
        var turn: Turn?
        let p = await clock.measure { turn = await parallel.teach("It calls itself.")?.value }
        #expect(p < .milliseconds(450), "parallel turn took \(p)")
        #expect(turn?.backend == .init(analysis: .claude, question: .claude))
        let sequential = await engine(f, parallel: false)
        let s = await clock.measure { turn = await sequential.teach("It calls itself.")?.value }
        #expect(s > .milliseconds(600), "sequential turn took \(s)")
        #expect(turn?.analysis.source == .merged)
    }

    @Test func aFailedCallFallsBackAloneAndTheTurnRecordsWhy() async throws {
        let f = try FakeServerFixture(maxRetries: 1)
        defer { f.server.stop() }
        let engine = await engine(f, parallel: true)
        f.server.enqueue(.apiError(529, retryAfterMs: 10), .apiError(529, retryAfterMs: 10), for: .analysis)
        let notices = NoticeLog()
        let outcome = try #require(await engine.teach("It calls itself.", progress: BackendProgress(notice: notices.add)))
        let turn = outcome.value
        #expect(turn.backend == .init(analysis: .local, question: .claude))
        #expect(turn.question == "Why does the base case matter?")
        #expect(turn.analysis.knowledgeGaps == ["local gap"])
        #expect(turn.fallbackReason?.hasPrefix("analysis: ") == true)
        #expect(turn.fallbackReason?.contains("529") == true)
        #expect(notices.lines.count == 1)
        #expect(notices.lines.first?.hasPrefix("analysis: retrying in 0.0s (1/1): ") == true, "\(notices.lines)")

        f.server.enqueue(.malformedAnalysis(text: "no JSON here"), for: .analysis)
        f.server.enqueue(.cutBeforeStop(afterTokens: 1), for: .question)
        let both = try #require(await engine.teach("Again.")).value
        #expect(both.backend == .offline)
        #expect(both.question == "Scripted question?")
        #expect(both.fallbackReason?.contains("analysis: ") == true)
        #expect(both.fallbackReason?.contains("question: ") == true)
        #expect(await engine.session?.turns.count == 2, "every turn is kept")
        #expect(!(both.fallbackReason ?? "").contains(FakeServerFixture.apiKey))
    }

    @Test func aServerEchoingTheKeyNeverPutsItInAnError() async throws {
        let f = try FakeServerFixture(maxRetries: 0)
        defer { f.server.stop() }
        f.server.enqueue(.apiError(401, message: "invalid x-api-key: \(FakeServerFixture.apiKey)"), for: .analysis)
        do {
            _ = try await f.client.send(FakeServerFixture.question)
            Issue.record("expected a 401")
        } catch let error as APIError {
            #expect(!error.description.contains(FakeServerFixture.apiKey))
            #expect(error.description.contains("[api key]"))
        }
    }
}

final class NoticeLog: @unchecked Sendable {
    private let lock = NSLock()
    private var _lines: [String] = []
    var lines: [String] { lock.withLock { _lines } }
    func add(_ line: String) { lock.withLock { _lines.append(line) } }
}

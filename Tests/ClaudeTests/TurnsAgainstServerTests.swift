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

    /// With each reply held back `latency` seconds, a parallel turn's second request reaches the
    /// server while the first still waits; a sequential turn's cannot before the first is answered.
    /// The margins are whole seconds, so a loaded machine cannot flip the verdict.
    @Test func aParallelTurnSendsBothRequestsAtOnceASequentialOneInTurn() async throws {
        let slow = Scenario(latency: 3)
        try await FakeServerFixture.with(FakeClaudeConfig(analysis: slow, question: slow), timeouts: Timeouts(connect: 2, stall: 10, total: 30)) { f in
            let parallel = Task { await engine(f, parallel: true).teach("It calls itself.")?.value }
            #expect(await f.server.waitForRequests(count: 2, timeout: .seconds(2.5)) != nil, "both in flight together")
            #expect(await parallel.value?.backend == .init(analysis: .claude, question: .claude))
            f.server.clearRecording()
            let sequential = Task { await engine(f, parallel: false).teach("It calls itself.")?.value }
            #expect(await f.server.waitForRequests(count: 1, timeout: .seconds(2.5)) != nil)
            #expect(await f.server.waitForRequests(count: 2, timeout: .seconds(1.5)) == nil, "the question waits for the analysis")
            #expect(await sequential.value?.analysis.source == .merged)
            #expect(f.server.requests.map(\.kind) == [.analysis, .question])
        }
    }

    @Test func aFailedCallFallsBackAloneAndTheTurnRecordsWhy() async throws {
        try await FakeServerFixture.with(maxRetries: 1) { f in
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
    }

    @Test func aServerEchoingTheKeyNeverPutsItInAnError() async throws {
        try await FakeServerFixture.with(maxRetries: 0) { f in
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
}

final class NoticeLog: @unchecked Sendable {
    private let lock = NSLock()
    private var _lines: [String] = []
    var lines: [String] { lock.withLock { _lines } }
    func add(_ line: String) { lock.withLock { _lines.append(line) } }
}

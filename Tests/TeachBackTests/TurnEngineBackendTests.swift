import Foundation
import Testing
@testable import TeachBack

/// An in-memory student: scripted delays and failures per call.
final class FakeBackend: StudentBackend, @unchecked Sendable {
    var analysisDelay: Duration = .zero
    var questionDelay: Duration = .zero
    var failAnalysis: String?
    var failQuestion: String?
    var fragments = ["Why ", "does ", "it ", "stop?"]
    /// When set, each call waits (up to 5 s) for the other to be in flight too: a rendezvous only
    /// calls running at the same time can pass quickly.
    var rendezvous = false
    private let lock = NSLock()
    private var _prompts: [QuestionPrompt] = []
    var prompts: [QuestionPrompt] { lock.withLock { _prompts } }
    private var inFlight = 0
    private var _maxInFlight = 0
    /// The most calls that were running at once.
    var maxInFlight: Int { lock.withLock { _maxInFlight } }
    var callsInFlight: Int { lock.withLock { inFlight } }

    /// Counts the call in flight while `body` runs.
    private func tracked<T>(_ body: () async throws -> T) async throws -> T {
        lock.withLock {
            inFlight += 1
            _maxInFlight = max(_maxInFlight, inFlight)
        }
        defer { lock.withLock { inFlight -= 1 } }
        if rendezvous {
            for _ in 0..<500 where callsInFlight < 2 { try await Task.sleep(for: .milliseconds(10)) }
        }
        return try await body()
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    var summary: String { "fake" }

    func analyze(topic: String, explanation: String, history: [PastTurn], progress: BackendProgress) async throws -> BackendReply<Analysis> {
        try await tracked {
            try await Task.sleep(for: analysisDelay)
            if let failAnalysis { throw Failure(description: failAnalysis) }
            return BackendReply(value: Analysis(confidenceScore: 0.9, clarityScore: 0.8, knowledgeGaps: ["tail calls"], source: .claude),
                                usage: TokenUsage(inputTokens: 100, outputTokens: 40))
        }
    }

    func ask(_ prompt: QuestionPrompt, progress: BackendProgress) async throws -> BackendReply<String> {
        lock.withLock { _prompts.append(prompt) }
        return try await tracked { try await stream(progress) }
    }

    private func stream(_ progress: BackendProgress) async throws -> BackendReply<String> {
        try await Task.sleep(for: questionDelay)
        var text = ""
        for fragment in fragments {
            try Task.checkCancellation()
            progress.text(fragment)
            text += fragment
            if let failQuestion, text.count > 4 { throw Failure(description: failQuestion) }
            try await Task.sleep(for: .milliseconds(5))
        }
        return BackendReply(value: text, usage: TokenUsage(inputTokens: 50, outputTokens: 4))
    }
}

@Suite struct TurnEngineBackendTests {
    func engine(_ backend: FakeBackend, parallel: Bool = true) async -> TurnEngine {
        let engine = TurnEngine(script: FakeScripts(), mode: "socratic", backend: backend, parallel: parallel)
        _ = await engine.start(topic: "recursion")
        return engine
    }

    @Test func aClaudeTurnMergesTheAnalysesAndStreamsTheQuestion() async throws {
        let backend = FakeBackend()
        let engine = await engine(backend)
        let streamed = Locked("")
        let turn = try #require(await engine.teach("It calls itself.", progress: BackendProgress(text: { t in streamed.update { $0 += t } })))
        #expect(turn.value.question == "Why does it stop?")
        #expect(streamed.get() == "Why does it stop?")
        #expect(turn.value.backend == .init(analysis: .claude, question: .claude))
        #expect(turn.value.analysis.confidenceScore == 0.9)
        #expect(turn.value.analysis.knowledgeGaps == ["tail calls", "base case"], "Claude's items, then local ones not already there")
        #expect(turn.value.analysis.source == .merged)
        #expect(turn.value.usage == TokenUsage(inputTokens: 150, outputTokens: 44))
        #expect(turn.value.fallbackReason == nil)
        #expect(turn.value.timings.firstToken != nil)
    }

    @Test func parallelTurnsRunBothCallsAtOnceAndSequentialOneAfterTheOther() async throws {
        let concurrent = FakeBackend()
        concurrent.rendezvous = true
        _ = try #require(await engine(concurrent).teach("x"))
        #expect(concurrent.maxInFlight == 2, "the analysis and the question were in flight together")
        let oneByOne = FakeBackend()
        _ = try #require(await engine(oneByOne, parallel: false).teach("x"))
        #expect(oneByOne.maxInFlight == 1)
        #expect(oneByOne.prompts.count == 1)
    }

    @Test func sequentialModeBuildsTheQuestionFromThisTurnsClaudeAnalysis() async throws {
        let backend = FakeBackend()
        let sequential = await engine(backend, parallel: false)
        _ = await sequential.teach("It calls itself.")
        #expect(backend.prompts.map(\.user) == ["It calls itself. | gaps: tail calls,base case"],
                "sequential: Claude's gap of this turn first, then the local one")
        let parallel = await engine(backend, parallel: true)
        _ = await parallel.teach("It calls itself.")
        #expect(backend.prompts.last?.user == "It calls itself. | gaps: base case", "parallel: the local analysis only")
    }

    @Test func eachCallFallsBackOnItsOwnWithTheReasonRecorded() async throws {
        let backend = FakeBackend()
        backend.failAnalysis = "overloaded (529 overloaded_error)"
        let engine = await engine(backend)
        let turn = try #require(await engine.teach("It calls itself."))
        #expect(turn.value.backend == .init(analysis: .local, question: .claude))
        #expect(turn.value.claudeAnalysis == nil)
        #expect(turn.value.analysis == turn.value.localAnalysis)
        #expect(turn.value.fallbackReason == "analysis: overloaded (529 overloaded_error)")

        backend.failAnalysis = nil
        backend.failQuestion = "stream_error: the stream ended before message_stop"
        let second = try #require(await engine.teach("Again."))
        #expect(second.value.backend == .init(analysis: .claude, question: .fallback))
        #expect(second.value.question == "socratic q2 after 1 asked", "the mode's fallback asks instead")
        #expect(second.value.fallbackReason?.hasPrefix("question: stream_error") == true)
        #expect(await engine.session?.turns.count == 2, "no turn is lost")
    }

    @Test func cancellingTheTurnStopsTheCallsAndKeepsAnInterruptedTurn() async throws {
        let backend = FakeBackend()
        backend.analysisDelay = .seconds(5)
        backend.fragments = ["Why ", "does ", "it "] + Array(repeating: "go ", count: 200)
        let engine = await engine(backend)
        let started = ContinuousClock.now
        let streamed = Locked("")
        let task = Task { await engine.teach("It calls itself.", progress: BackendProgress(text: { t in streamed.update { $0 += t } })) }
        while !streamed.get().hasPrefix("Why does it"), ContinuousClock.now - started < .seconds(5) {
            try await Task.sleep(for: .milliseconds(5))
        }
        task.cancel()
        let turn = try #require(await task.value)
        #expect(ContinuousClock.now - started < .seconds(2))
        #expect(turn.value.interrupted)
        #expect(turn.value.question.hasPrefix("Why does it"))
        #expect(turn.value.explanation == "It calls itself.")
        #expect(await engine.session?.turns.count == 1, "the explanation is kept")
    }
}

final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func get() -> Value { lock.withLock { value } }
    func update(_ body: (inout Value) -> Void) { lock.withLock { body(&value) } }
}

@Suite struct InterruptedTurnTests {
    @Test func anInterruptedTurnIsStillSavedAndNumbersNeverRepeat() async throws {
        let backend = FakeBackend()
        backend.questionDelay = .seconds(5)
        let store = MemoryStore()
        let engine = TurnEngine(script: FakeScripts(), mode: "socratic", backend: backend, store: store)
        _ = await engine.start(topic: "recursion")
        let task = Task { await engine.teach("It calls itself.") }
        // Cancelled once both calls are under way, whatever the machine's speed.
        for _ in 0..<500 where backend.callsInFlight < 2 { try await Task.sleep(for: .milliseconds(2)) }
        task.cancel()
        let turn = try #require(await task.value)
        #expect(turn.value.interrupted)
        #expect(!turn.problems.contains { $0.message.contains("could not save") }, "\(turn.problems)")
        #expect(await store.saved.count == 1, "Ctrl-C does not cost the turn")

        var gapped = Session(topic: "t", mode: "socratic")
        gapped.turns = [1, 3].map { Turn(number: $0, mode: "socratic", explanation: "e", question: "q", localAnalysis: Analysis(), timings: .init(total: 1)) }
        #expect(gapped.nextTurnNumber == 4)
    }
}

import Testing
@testable import TeachBack

/// A small in-memory script host: the core's tests need its seams, not Lua.
actor FakeScripts: ScriptHost {
    var failFallback = false
    var events: [String] = []
    var seenContexts: [TurnContext] = []

    func setFailFallback(_ fail: Bool) { failFallback = fail }

    func modes() -> [ModeInfo] {
        [ModeInfo(name: "socratic", description: "", file: "m.lua"), ModeInfo(name: "anxious", description: "", file: "a.lua")]
    }
    func analyze(_ text: String, context: AnalysisContext) -> LocalAnalysisReport {
        let analysis = Analysis(clarityScore: Double(text.count % 10) / 10, knowledgeGaps: text.contains("base") ? [] : ["base case"])
        let results = [HeuristicResult(name: "coverage", covered: text.contains("base") ? ["base case"] : [])]
        return LocalAnalysisReport(analysis: analysis, results: results, problems: [Problem("h.lua:3: flaky")], scriptTime: .zero)
    }
    func greeting(mode: String, session: SessionInfo) -> String { "\(mode) wants \(session.topic)" }
    func fallbackQuestion(mode: String, turn: TurnContext) throws(Problem) -> String {
        if failFallback { throw Problem("m.lua:9: boom") }
        seenContexts.append(turn)
        return "\(mode) q\(turn.number) after \(turn.asked.count) asked"
    }
    func questionPrompt(mode: String, turn: TurnContext, session: SessionInfo) -> QuestionPrompt {
        // The gaps the prompt was built from, so tests can tell which analysis the mode saw.
        QuestionPrompt(system: "", user: turn.explanation + " | gaps: " + turn.analysis.knowledgeGaps.joined(separator: ","))
    }
    func scheduledTopic(_ topic: String) -> String { topic }
    func notify(_ event: HookEvent) -> [Problem] {
        switch event {
        case .sessionStart(let s): events.append("start \(s.topic)")
        case .sessionEnd(let s): events.append("end \(s.topic) \(s.turns)")
        case .turn(let t): events.append("turn \(t.number) \(t.question ?? "-")")
        }
        return []
    }
}

@Suite struct TurnEngineTests {
    @Test func anOfflineTurnUsesTheLocalAnalysisAndTheModesFallback() async throws {
        let scripts = FakeScripts()
        let engine = TurnEngine(script: scripts, mode: "socratic")
        let greeting = await engine.start(topic: "recursion")
        #expect(greeting.value == "socratic wants recursion")
        let first = try #require(await engine.teach("It calls itself."))
        #expect(first.value.question == "socratic q1 after 0 asked")
        #expect(first.value.backend == .offline)
        #expect(first.value.analysis.knowledgeGaps == ["base case"])
        #expect(first.value.localAnalysis == first.value.analysis)
        #expect(first.problems.map(\.message) == ["h.lua:3: flaky"])
        let second = try #require(await engine.teach("Then a base case stops it."))
        #expect(second.value.number == 2)
        #expect(second.value.question == "socratic q2 after 1 asked")
        #expect(second.problems.isEmpty, "the same problem is reported once")
        let contexts = await scripts.seenContexts
        #expect(contexts[1].history.map(\.explanation) == ["It calls itself."])
        #expect(contexts[1].asked == ["socratic q1 after 0 asked"])
        #expect(await engine.session?.turns.count == 2)
    }

    @Test func switchingModeKeepsTheHistoryAndRejectsUnknownModes() async throws {
        let engine = TurnEngine(script: FakeScripts(), mode: "socratic")
        _ = await engine.start(topic: "tcp")
        _ = await engine.teach("SYN, SYN-ACK, ACK.")
        #expect(await engine.switchMode(to: "anxious"))
        #expect(await engine.switchMode(to: "nobody") == false)
        #expect(await engine.mode == "anxious")
        let turn = try #require(await engine.teach("The server answers."))
        #expect(turn.value.mode == "anxious")
        #expect(turn.value.question.hasPrefix("anxious q2"))
        #expect(await engine.session?.turns.map(\.mode) == ["socratic", "anxious"])
    }

    @Test func aFailingFallbackStillAsksAndRecordsWhy() async throws {
        let scripts = FakeScripts()
        await scripts.setFailFallback(true)
        let engine = TurnEngine(script: scripts, mode: "socratic")
        _ = await engine.start(topic: "recursion")
        let turn = try #require(await engine.teach("It calls itself."))
        #expect(turn.value.question == "How does base case fit into recursion?", "the built-in question uses the analysis")
        #expect(turn.value.fallbackReason == "m.lua:9: boom", "recorded once, not nested")
        #expect(turn.problems.map(\.message).filter { $0.contains("boom") } == ["m.lua:9: boom"])
        #expect(turn.fallbackWarning == nil, "a script failure is not a second, nested warning")
        #expect(await engine.session?.turns.count == 1, "the turn is kept")
        let again = try #require(await engine.teach("It calls itself again."))
        #expect(again.value.question != turn.value.question, "the built-in question does not repeat word for word")
        #expect(!again.problems.contains { $0.message.contains("boom") }, "the same failure is reported once")
    }

    @Test func noSessionMeansNoTurnAndHooksRunInOrder() async throws {
        let scripts = FakeScripts()
        let engine = TurnEngine(script: scripts, mode: "socratic")
        #expect(await engine.teach("orphan") == nil)
        _ = await engine.start(topic: "a")
        _ = await engine.teach("x")
        _ = await engine.start(topic: "b")
        await engine.end()
        #expect(await scripts.events == ["start a", "turn 1 socratic q1 after 0 asked", "end a 1", "start b", "end b 0"])
    }

    @Test func everyTurnIsSavedBeforeTeachReturnsAndAFailedSaveIsReportedOnce() async throws {
        let store = MemoryStore()
        let engine = TurnEngine(script: FakeScripts(), mode: "socratic", store: store, saveRetryInterval: .seconds(3600))
        _ = await engine.start(topic: "a")
        _ = await engine.teach("one")
        _ = await engine.teach("two")
        let id = try #require(await engine.session?.id)
        #expect(await store.saved == ["\(id):1", "\(id):2"])
        await store.setFailing(true)
        let third = try #require(await engine.teach("three"))
        #expect(third.problems.filter { $0.message.contains("could not save turn 3") }.count == 1)
        let fourth = try #require(await engine.teach("four"))
        #expect(!fourth.problems.contains { $0.message.contains("could not save") }, "the prompt's count says the rest")
        #expect(await engine.session?.turns.count == 4, "the session goes on")
        #expect(await engine.unsavedCount == 2)
    }
}

@Suite struct UnsavedTurnTests {
    /// An engine on topic "a" whose first turn, "one", the store refused.
    func engineWithAWaitingTurn(retryEvery interval: Duration = .seconds(3600)) async -> (TurnEngine, MemoryStore) {
        let store = MemoryStore()
        let engine = TurnEngine(script: FakeScripts(), mode: "socratic", store: store, saveRetryInterval: interval)
        _ = await engine.start(topic: "a")
        await store.setFailing(true)
        _ = await engine.teach("one")
        return (engine, store)
    }

    @Test func waitingTurnsAreSavedInOrderBeforeTheNextOne() async throws {
        let (engine, store) = await engineWithAWaitingTurn()
        _ = await engine.switchMode(to: "anxious")
        _ = await engine.teach("two")
        #expect(await store.saved.isEmpty)
        let waiting = await engine.unsavedSessions
        #expect(waiting.count == 1)
        #expect(waiting.first?.turns.map(\.explanation) == ["one", "two"])
        #expect(waiting.first?.mode == "anxious", "the persona of the newest waiting turn")
        await store.setFailing(false)
        _ = await engine.teach("three")
        let id = try #require(await engine.session?.id)
        #expect(await store.saved == ["\(id):1", "\(id):2", "\(id):3"])
        #expect(await engine.unsavedCount == 0)
        #expect(await engine.unsavedSessions.isEmpty)
    }

    @Test func anIdleSessionRetriesOnATimer() async throws {
        let (engine, store) = await engineWithAWaitingTurn(retryEvery: .milliseconds(20))
        #expect(await engine.unsavedCount == 1)
        await store.setFailing(false)
        // No more input: the timer alone saves the turn (a generous bound, not a timing claim).
        for _ in 0..<500 where await engine.unsavedCount > 0 { try await Task.sleep(for: .milliseconds(10)) }
        #expect(await engine.unsavedCount == 0)
        #expect(await store.saved.count == 1)
    }

    @Test func turnsOfSeveralSessionsAreRescuedPerSession() async throws {
        let store = MemoryStore()
        await store.setFailing(true)
        let engine = TurnEngine(script: FakeScripts(), mode: "socratic", store: store, saveRetryInterval: .seconds(3600))
        _ = await engine.start(topic: "a")
        _ = await engine.teach("a1")
        _ = await engine.start(topic: "b")
        _ = await engine.teach("b1")
        _ = await engine.teach("b2")
        #expect(await engine.retryUnsaved() == 3)
        let sessions = await engine.unsavedSessions
        #expect(sessions.map(\.topic) == ["a", "b"])
        #expect(sessions.map { $0.turns.map(\.number) } == [[1], [1, 2]])
    }

    @Test func anUnavailableStoreKeepsEveryTurnWaiting() async throws {
        let engine = TurnEngine(script: FakeScripts(), mode: "socratic", store: UnavailableStore(reason: "disk on fire"),
                                saveRetryInterval: .seconds(3600))
        _ = await engine.start(topic: "a")
        let first = try #require(await engine.teach("one"))
        #expect(!first.problems.contains { $0.message.contains("could not save") }, "the front end said so at the start")
        _ = await engine.teach("two")
        #expect(await engine.unsavedSessions.first?.turns.count == 2)
    }
}

/// Turns saved in memory, optionally failing like a locked database.
actor MemoryStore: SessionStore {
    var saved: [String] = []
    var sessions: [String: Session] = [:]
    var failing = false
    func setFailing(_ on: Bool) { failing = on }
    struct Locked: Error {}

    func save(_ turn: Turn, of session: Session) throws {
        if failing { throw Locked() }
        saved.append("\(session.id):\(turn.number)")
        sessions[session.id] = session
    }
    func sessions(limit: Int) -> [SessionSummary] { [] }
    func session(matching idOrPrefix: String) throws -> Session {
        guard let s = sessions[idOrPrefix] else { throw StoreError.noSuchSession(idOrPrefix) }
        return s
    }
    func latestSession() -> Session? { sessions.values.first }
}

extension TurnEngineTests {
    /// What a turn covered is remembered, also when its analysis was made elsewhere (an MCP
    /// client's), and reaches the next turn's fallback as `covered`.
    @Test func theSessionRemembersWhatEachTurnCovered() async throws {
        let scripts = FakeScripts()
        let engine = TurnEngine(script: scripts, mode: "socratic")
        _ = await engine.start(topic: "recursion")
        let first = try #require(await engine.teach("The base case stops it.", analysis: Analysis(clarityScore: 0.9)))
        #expect(first.value.covered == ["base case"])
        _ = await engine.teach("It calls itself.")
        #expect(await scripts.seenContexts.last?.covered == ["base case"])
        #expect(await engine.session?.covered == ["base case"])
    }
}

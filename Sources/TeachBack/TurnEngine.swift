import Foundation

/// Runs a session: starts it, switches personas, and turns each explanation into an analysed,
/// answered turn (DESIGN §2). Failures of scripts or backends are recorded in the turn and reported,
/// never thrown: whatever happens, the explanation is kept and a question is asked.
package actor TurnEngine {
    package nonisolated let script: any ScriptHost
    /// Claude, or nil when offline; `:reload` may replace it (init.lua's model, timeouts, retries).
    package private(set) var backend: (any StudentBackend)?
    package private(set) var session: Session?
    package private(set) var mode: String
    /// Claude's analysis and question at the same time (default), or one after the other.
    package var parallel: Bool
    /// Where turns are saved; nil keeps the session in memory only.
    package nonisolated let store: (any SessionStore)?
    /// Problems already shown this run; each distinct one is reported once.
    private var reported = Set<String>()
    /// Turns the store has not taken yet (see `TurnEngine+Saving`).
    var unsaved = UnsavedTurns()
    /// How often waiting turns are retried while nothing else happens.
    let saveRetryInterval: Duration
    /// The timer task retrying waiting turns, while there are any.
    var retrying: Task<Void, Never>?

    package init(script: any ScriptHost, mode: String, backend: (any StudentBackend)? = nil, parallel: Bool = true,
                store: (any SessionStore)? = nil, saveRetryInterval: Duration = .seconds(5)) {
        self.script = script
        self.mode = mode
        self.backend = backend
        self.parallel = parallel
        self.store = store
        self.saveRetryInterval = saveRetryInterval
    }

    package func setParallel(_ on: Bool) { parallel = on }
    package func setBackend(_ backend: (any StudentBackend)?) { self.backend = backend }

    /// What a step produced besides its result: problems to show the user (already de-duplicated).
    package struct Outcome<Value: Sendable>: Sendable {
        package var value: Value
        package var problems: [Problem]
        /// Why Claude's part fell back, to show once with the turn; script failures are in `problems`.
        package var fallbackWarning: String?
    }

    /// Starts a new session on `topic` (ending any current one) and returns the mode's greeting.
    package func start(topic: String, userID: String? = nil) async -> Outcome<String> {
        var problems = await end()
        let new = Session(topic: topic, mode: mode, userID: userID)
        session = new
        problems += await script.notify(.sessionStart(new.info))
        let greeting: String
        do {
            greeting = try await script.greeting(mode: mode, session: new.info)
        } catch {
            problems.append(error)
            greeting = "Hi! Teach me about \(topic)."
        }
        return Outcome(value: greeting, problems: fresh(problems))
    }

    /// Takes up an existing session (resume): its persona becomes the current mode.
    package func resume(_ existing: Session) async -> [Problem] {
        var problems = await end()
        session = existing
        mode = existing.mode
        problems += await script.notify(.sessionStart(existing.info))
        return fresh(problems)
    }

    /// Ends the current session, running `on_session_end` hooks.
    @discardableResult
    package func end() async -> [Problem] {
        guard let current = session else { return [] }
        session = nil
        return fresh(await script.notify(.sessionEnd(current.info)))
    }

    /// Switches persona; the session keeps its history. Returns false for an unknown mode.
    package func switchMode(to name: String) async -> Bool {
        guard await script.modes().contains(where: { $0.name == name }) else { return false }
        mode = name
        session?.mode = name
        return true
    }

    /// One turn (DESIGN §2): the local analysis always, then Claude's analysis and question when a
    /// backend is set, each falling back on its own. Returns nil without a session. Cancelling the
    /// calling task stops the calls and records the turn as interrupted with what had arrived.
    /// With `given`, an analysis made elsewhere (an MCP client's), only the question is asked.
    package func teach(_ explanation: String, analysis given: Analysis? = nil,
                      progress: BackendProgress = BackendProgress()) async -> Outcome<Turn>? {
        guard let current = session else { return nil }
        let clock = ContinuousClock()
        let started = clock.now
        let context = current.analysisContext(mode: mode)
        var draft: TurnDraft
        if let given {
            draft = TurnDraft(local: given, localTime: 0, problems: [])
            if given.source == .claude { draft.claude = given }
            // The session still learns what this explanation covered.
            draft.covered = await script.analyze(explanation, context: context).covered
        } else {
            let report = await script.analyze(explanation, context: context)
            draft = TurnDraft(local: report.analysis, localTime: report.scriptTime.milliseconds, problems: report.problems)
            draft.covered = report.covered
        }
        // Ctrl-C during the local work interrupts the turn too.
        if Task.isCancelled { draft.interrupted = true }
        if let backend, !draft.interrupted {
            await askClaude(backend, explanation: explanation, session: current, analyzing: given == nil,
                            draft: &draft, progress: progress, since: started)
        }
        if draft.question == nil {
            await askFallback(session: current, explanation: explanation, draft: &draft)
        }
        let turn = draft.turn(number: context.number, mode: mode, explanation: explanation,
                              total: (clock.now - started).milliseconds)
        var outcome = await record(turn, in: current, problems: draft.problems)
        outcome.fallbackWarning = draft.backendReason
        return outcome
    }

    /// The local analysis and, with a backend, Claude's, merged — without asking or saving
    /// anything (the MCP tool `analyze_explanation`).
    package func analyze(_ explanation: String) async -> Outcome<Analysis>? {
        guard let current = session else { return nil }
        let history = current.history
        let report = await script.analyze(explanation, context: current.analysisContext(mode: mode))
        var claude: Analysis?
        var problems = report.problems
        if let backend {
            do {
                claude = try await backend.analyze(topic: current.topic, explanation: explanation, history: history,
                                                   progress: BackendProgress()).value
            } catch {
                problems.append(Problem("Claude's analysis failed, the local one stands in: \(error)"))
            }
        }
        return Outcome(value: Analysis.merged(claude: claude, local: report.analysis), problems: fresh(problems))
    }

    /// The requests teaching `explanation` next would send (`:prompt`), with no call made: the
    /// analysis request and the question request built from the local analysis (as parallel mode
    /// builds it; sequential mode would build the question from Claude's analysis). Empty offline.
    package func nextRequests(_ explanation: String) async -> Outcome<[BackendRequest]>? {
        guard let current = session else { return nil }
        guard let backend else { return Outcome(value: [], problems: []) }
        let report = await script.analyze(explanation, context: current.analysisContext(mode: mode))
        var draft = TurnDraft(local: report.analysis, localTime: 0, problems: report.problems)
        draft.covered = report.covered
        let prompt = await questionPrompt(current, explanation: explanation, analysis: report.analysis, draft: &draft)
        let requests = backend.requests(topic: current.topic, explanation: explanation,
                                        history: current.history, question: prompt)
        return Outcome(value: requests, problems: fresh(draft.problems))
    }

    /// Claude's two calls, in parallel or in sequence (only the question when not `analyzing`); a
    /// failure leaves that part to the fallback.
    private func askClaude(_ backend: any StudentBackend, explanation: String, session current: Session, analyzing: Bool,
                           draft: inout TurnDraft, progress: BackendProgress, since started: ContinuousClock.Instant) async {
        let firstToken = FirstToken(started: started)
        let streaming = BackendProgress(text: { text in firstToken.mark(text); progress.text(text) }, notice: progress.notice)
        let history = current.history
        let analyze: @Sendable () async -> CallResult<Analysis> = {
            await CallResult.timed { try await backend.analyze(topic: current.topic, explanation: explanation,
                                                                history: history, progress: progress) }
        }
        if parallel, analyzing {
            let prompt = await questionPrompt(current, explanation: explanation, analysis: draft.local, draft: &draft)
            async let analysis = analyze()
            async let question = ask(backend, prompt, streaming)
            draft.take(analysis: await analysis)
            draft.take(question: await question, partial: firstToken)
        } else {
            if analyzing { draft.take(analysis: await analyze()) }
            let merged = Analysis.merged(claude: draft.claude, local: draft.local)
            if !Task.isCancelled, let prompt = await questionPrompt(current, explanation: explanation, analysis: merged, draft: &draft) {
                draft.take(question: await ask(backend, prompt, streaming), partial: firstToken)
            }
        }
        draft.firstToken = firstToken.elapsed
    }

    private func ask(_ backend: any StudentBackend, _ prompt: QuestionPrompt?, _ progress: BackendProgress) async -> CallResult<String>? {
        guard let prompt else { return nil }
        return await CallResult.timed { try await backend.ask(prompt, progress: progress) }
    }

    /// The Claude request for the question; when the mode's script fails, the turn uses its fallback.
    private func questionPrompt(_ current: Session, explanation: String, analysis: Analysis, draft: inout TurnDraft) async -> QuestionPrompt? {
        do {
            let turn = current.turnContext(explanation: explanation, analysis: analysis, covered: draft.covered)
            var prompt = try await script.questionPrompt(mode: mode, turn: turn, session: current.info)
            prompt.history = turn.history
            return prompt
        } catch {
            draft.noteScriptFailure(error)
            return nil
        }
    }

    private func askFallback(session current: Session, explanation: String, draft: inout TurnDraft) async {
        guard !draft.interrupted else { return }
        let analysis = Analysis.merged(claude: draft.claude, local: draft.local)
        let turn = current.turnContext(explanation: explanation, analysis: analysis, covered: draft.covered)
        do {
            draft.question = try await script.fallbackQuestion(mode: mode, turn: turn)
        } catch {
            draft.noteScriptFailure(error)
            draft.question = Self.defaultQuestion(for: turn)
        }
    }

    /// Appends the turn, saves it (before the next prompt can appear) and runs the `on_turn` hooks.
    /// A turn that cannot be saved waits to be retried (`TurnEngine+Saving`); it is never dropped.
    private func record(_ turn: Turn, in current: Session, problems: [Problem]) async -> Outcome<Turn> {
        var updated = current
        updated.turns.append(turn)
        if session?.id == current.id { session = updated }
        let saving = if let store { await save(turn, of: updated, to: store) } else { [Problem]() }
        var completed = current.turnContext(explanation: turn.explanation, analysis: turn.analysis, covered: turn.covered ?? [],
                                            question: turn.question)
        completed.number = turn.number
        let problems = problems + (await script.notify(.turn(completed)))
        return Outcome(value: turn, problems: saving + fresh(problems))
    }

    private func fresh(_ problems: [Problem]) -> [Problem] {
        problems.filter { reported.insert($0.message).inserted }
    }
}

extension Duration {
    package var milliseconds: Double {
        let (s, atto) = components
        return Double(s) * 1000 + Double(atto) / 1e15
    }
}

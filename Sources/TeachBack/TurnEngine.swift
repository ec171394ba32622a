import Foundation

/// Runs a session: starts it, switches personas, and turns each explanation into an analysed,
/// answered turn (DESIGN §2). Failures of scripts or backends are recorded in the turn and reported,
/// never thrown: whatever happens, the explanation is kept and a question is asked.
public actor TurnEngine {
    public let script: any ScriptHost
    public private(set) var session: Session?
    public private(set) var mode: String
    /// Problems already shown this run; each distinct one is reported once.
    private var reported = Set<String>()
    private var onTurnSaved: (@Sendable (Session, Turn) async -> Void)?

    public init(script: any ScriptHost, mode: String) {
        self.script = script
        self.mode = mode
    }

    /// What a step produced besides its result: problems to show the user (already de-duplicated).
    public struct Outcome<Value: Sendable>: Sendable {
        public var value: Value
        public var problems: [ScriptProblem]
    }

    /// The question asked when a mode's own fallback fails.
    public static func defaultQuestion(topic: String) -> String {
        "Could you explain that another way? What is the single most important idea about \(topic)?"
    }

    /// Called with every completed turn before `teach` returns (the store saves it there).
    public func setTurnObserver(_ observer: @escaping @Sendable (Session, Turn) async -> Void) {
        onTurnSaved = observer
    }

    /// Starts a new session on `topic` (ending any current one) and returns the mode's greeting.
    public func start(topic: String) async -> Outcome<String> {
        var problems = await end()
        let new = Session(topic: topic, mode: mode)
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
    public func resume(_ existing: Session) async -> [ScriptProblem] {
        var problems = await end()
        session = existing
        mode = existing.mode
        problems += await script.notify(.sessionStart(existing.info))
        return fresh(problems)
    }

    /// Ends the current session, running `on_session_end` hooks.
    @discardableResult
    public func end() async -> [ScriptProblem] {
        guard let current = session else { return [] }
        session = nil
        return fresh(await script.notify(.sessionEnd(current.info)))
    }

    /// Switches persona; the session keeps its history. Returns false for an unknown mode.
    public func switchMode(to name: String) async -> Bool {
        guard await script.modes().contains(where: { $0.name == name }) else { return false }
        mode = name
        session?.mode = name
        return true
    }

    /// One turn, offline: local analysis by the heuristics, question by the mode's fallback.
    public func teach(_ explanation: String) async -> Outcome<Turn>? {
        guard var current = session else { return nil }
        let clock = ContinuousClock()
        let started = clock.now
        let context = AnalysisContext(topic: current.topic, mode: mode, number: current.turns.count + 1,
                                      history: current.turns.map(PastTurn.init))
        let report = await script.analyze(explanation, context: context)
        var problems = report.problems
        let turnContext = current.turnContext(explanation: explanation, analysis: report.analysis)
        var fallbackReason: String?
        let question: String
        do {
            question = try await script.fallbackQuestion(mode: mode, turn: turnContext)
        } catch {
            problems.append(error)
            fallbackReason = "mode '\(mode)' failed: \(error.message)"
            question = Self.defaultQuestion(topic: current.topic)
        }
        let turn = Turn(number: context.number, mode: mode, explanation: explanation, question: question,
                        localAnalysis: report.analysis, fallbackReason: fallbackReason,
                        timings: .init(total: (clock.now - started).milliseconds,
                                       analysis: report.scriptTime.milliseconds))
        current.turns.append(turn)
        session = current
        await onTurnSaved?(current, turn)
        var completed = turnContext
        completed.analysis = turn.analysis
        completed.question = question
        problems += await script.notify(.turn(completed))
        return Outcome(value: turn, problems: fresh(problems))
    }

    private func fresh(_ problems: [ScriptProblem]) -> [ScriptProblem] {
        problems.filter { reported.insert($0.message).inserted }
    }
}

extension Duration {
    public var milliseconds: Double {
        let (s, atto) = components
        return Double(s) * 1000 + Double(atto) / 1e15
    }
}

import CLua
import TeachBack

/// Calls from the core into the registered scripts. Each call is protected and budgeted; a failure
/// comes back as a `Problem` naming the file, never as a crash or an unwound Swift frame.
extension ScriptRuntime {
    func analyze(_ text: String, context: AnalysisContext) -> LocalAnalysisReport {
        let clock = ContinuousClock()
        let started = clock.now
        var results: [HeuristicResult] = []
        var problems: [Problem] = []
        let base = lua.top
        let pack = topicPack(for: context.topic)
        let concepts = pack.map(conceptsReference)
        let terms = pack.map(termsReference)
        keepSplits(of: text)
        lua.push(text)
        for heuristic in registry.heuristics {
            lua.pushRef(heuristic.analyze)
            lua_pushvalue(lua.L, base + 1)
            // A fresh ctx each time: one heuristic changing it must not affect the next.
            lua.push(context, concepts: concepts, terms: terms)
            attachLists(history: context.history, asked: nil)
            if let error = lua.call(nargs: 2, nresults: 1, budget: budgets.heuristic) {
                problems.append(problem("heuristic '\(heuristic.name)'", file: heuristic.file, error))
                continue
            }
            do {
                results.append(try lua.heuristicResult(name: heuristic.name, weight: heuristic.weight, clamp: budgets.clampScores))
            } catch {
                // The position is where `analyze` is defined: the result has no line of its own.
                problems.append(Problem("heuristic '\(heuristic.name)' failed: \(heuristic.file):\(heuristic.line): its result: \(error.message)"))
            }
            lua.pop()
        }
        lua.setTop(base)
        return LocalAnalysisReport(analysis: HeuristicResult.combine(results), results: results,
                                   problems: problems, scriptTime: clock.now - started)
    }

    func greeting(mode name: String, session: SessionInfo) throws(Problem) -> String {
        let mode = try mode(named: name)
        guard let greeting = mode.greeting else { return "Hi! Teach me about \(session.topic)." }
        return try text(greeting, of: mode, field: "greeting", session: session)
    }

    func fallbackQuestion(mode name: String, turn: TurnContext) throws(Problem) -> String {
        let mode = try mode(named: name)
        let question = try callForString(mode.fallback, budget: budgets.mode, what: "mode '\(name)' fallback", file: mode.file) {
            pushTurn(turn)
        }
        guard !question.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw Problem("\(mode.file): mode '\(name)' fallback returned an empty question")
        }
        return Self.bounded(question, to: Self.maxQuestion)
    }

    /// The Claude request for the next question: the mode's system prompt and its `prompt(turn)`.
    func questionPrompt(mode name: String, turn: TurnContext, session: SessionInfo) throws(Problem) -> QuestionPrompt {
        let mode = try mode(named: name)
        let system = try mode.system.map { s throws(Problem) in try text(s, of: mode, field: "system", session: session) }
            ?? "You are a curious student learning \(session.topic). Ask one short follow-up question."
        let user = try mode.prompt.map { ref throws(Problem) in
            try callForString(ref, budget: budgets.mode, what: "mode '\(name)' prompt", file: mode.file) { pushTurn(turn) }
        } ?? "My explanation:\n\(turn.explanation)\n\nAsk me your next question."
        return QuestionPrompt(system: system, user: user, temperature: mode.temperature, maxTokens: mode.maxTokens)
    }

    /// Runs the hooks for `event`; returns what failed.
    func notify(_ event: HookEvent) -> [Problem] {
        var problems: [Problem] = []
        for hook in registry.hooks where hook.event == event.kind {
            lua.pushRef(hook.function)
            switch event {
            case .turn(let turn): pushTurn(turn, terms: false)
            case .sessionStart(let session), .sessionEnd(let session): lua.push(session)
            }
            if let error = lua.call(nargs: 1, nresults: 0, budget: budgets.mode) {
                problems.append(problem(hook.event.rawValue, file: hook.file, error))
            }
        }
        return problems
    }

    /// Runs a plugin command; returns the text it printed, if any.
    func runCommand(_ command: CommandScript, args: String, session: SessionInfo?) throws(Problem) -> String? {
        lua.pushRef(command.run)
        lua.push(args)
        if let session { lua.push(session) } else { lua.pushNil() }
        if let error = lua.call(nargs: 2, nresults: 1, budget: budgets.command) {
            throw problem("command :\(command.name)", file: command.file, error)
        }
        defer { lua.pop() }
        switch lua.type(at: -1) {
        case LUA_TNIL: return nil
        case LUA_TSTRING: return lua.string(at: -1).map { Self.bounded($0, to: Self.maxCommandOutput) }
        default:
            throw Problem("\(command.file):\(lua.lineDefined(command.run)): command :\(command.name) returned \(lua.typeName(at: -1)), expected a string")
        }
    }

    /// The topic pack whose name or alias matches `topic`, comparing Porter stems ("hash tables" = "hash table").
    func topicPack(for topic: String) -> TopicPack? {
        if let known = packByTopic[topic] { return known }
        let key = Self.topicKey(topic)
        let pack = registry.topics.first { pack in
            Self.topicKey(pack.name) == key || pack.aliases.contains { Self.topicKey($0) == key }
        }
        packByTopic[topic] = .some(pack)
        return pack
    }

    /// Longest question a fallback may ask, and longest text a command may print: a script
    /// returning megabytes is cut, not echoed.
    static let maxQuestion = 4_000
    static let maxCommandOutput = 64_000

    static func bounded(_ text: String, to limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        return String(decoding: text.utf8.prefix(limit), as: UTF8.self) + "… [cut: \(text.utf8.count) bytes]"
    }

    /// The Lua table of a pack's concepts, made once per state.
    private func conceptsReference(_ pack: TopicPack) -> Int32 {
        if let ref = conceptRefs[pack.name] { return ref }
        lua.push(pack.concepts)
        let ref = lua.ref()
        conceptRefs[pack.name] = ref
        return ref
    }

    /// `turn` for a mode (with `terms`: the topic pack's declared terms and their definitions)
    /// or a hook.
    private func pushTurn(_ turn: TurnContext, terms: Bool = true) {
        lua.push(turn)
        attachLists(history: turn.history, asked: turn.asked)
        if terms, let pack = topicPack(for: turn.topic) {
            lua.pushRef(termsReference(pack))
            lua.setField(-2, "terms")
        }
    }

    /// The Lua table of a pack's terms, made once per state.
    private func termsReference(_ pack: TopicPack) -> Int32 {
        if let ref = termRefs[pack.name] { return ref }
        lua.push(pack.terms)
        let ref = lua.ref()
        termRefs[pack.name] = ref
        return ref
    }

    static func topicKey(_ topic: String) -> String {
        Tokenizer.words(in: topic).map { PorterStemmer.stem($0) }.joined(separator: " ")
    }

    // MARK: -

    private func mode(named name: String) throws(Problem) -> ModeScript {
        guard let mode = registry.modes.first(where: { $0.name == name }) else {
            throw Problem("no mode named '\(name)'")
        }
        return mode
    }

    private func text(_ text: ScriptText, of mode: ModeScript, field: String, session: SessionInfo) throws(Problem) -> String {
        switch text {
        case .text(let template): return template.replacingOccurrences(of: "{topic}", with: session.topic)
        case .function(let ref):
            return try callForString(ref, budget: budgets.mode, what: "mode '\(mode.name)' \(field)", file: mode.file) { lua.push(session) }
        }
    }

    private func callForString(_ ref: Int32, budget: Double, what: String, file: String, pushArgument: () -> Void) throws(Problem) -> String {
        lua.pushRef(ref)
        pushArgument()
        if let error = lua.call(nargs: 1, nresults: 1, budget: budget) { throw problem(what, file: file, error) }
        defer { lua.pop() }
        guard let s = lua.string(at: -1) else {
            // The position is where the function is defined: a returned value has no line of its own.
            throw Problem("\(file):\(lua.lineDefined(ref)): \(what) returned \(lua.typeName(at: -1)), expected a string")
        }
        return s
    }

    /// Messages lead with `file:line:` as Lua wrote them; where Lua gave no position (memory cap),
    /// the file is named all the same.
    private func problem(_ what: String, file: String, _ error: LuaError) -> Problem {
        let located = error.message.hasPrefix(file) ? error.message : "\(file): \(error.message)"
        return Problem("\(what) failed: \(located)", traceback: error.traceback)
    }
}

extension HookEvent {
    var kind: HookScript.Event {
        switch self {
        case .turn: .turn
        case .sessionStart: .sessionStart
        case .sessionEnd: .sessionEnd
        }
    }
}

import CLua
import TeachBack

/// Core values as the plain Lua tables of the API (`teachback.d.lua`), and heuristic results back.
extension LuaState {
    func push(_ analysis: Analysis) {
        newTable(fieldCount: 5)
        push(analysis.confidenceScore); setField(-2, "confidence_score")
        push(analysis.clarityScore); setField(-2, "clarity_score")
        pushArray(analysis.knowledgeGaps); setField(-2, "knowledge_gaps")
        pushArray(analysis.unexplainedJargon); setField(-2, "unexplained_jargon")
        pushArray(analysis.strengths); setField(-2, "strengths")
    }

    func push(_ past: PastTurn) {
        newTable(fieldCount: 4)
        push(past.explanation); setField(-2, "explanation")
        push(past.question); setField(-2, "question")
        push(past.analysis); setField(-2, "analysis")
        push(past.answered); setField(-2, "answered")
    }

    /// `ctx` but its `history` (`ScriptRuntime.attachLists`); `concepts` is the registry reference
    /// of the topic pack's concept list, the same table every call, so heuristics can cache what
    /// they compile from it.
    func push(_ context: AnalysisContext, concepts: Int32?, terms: Int32? = nil) {
        newTable(fieldCount: 6)
        push(context.topic); setField(-2, "topic")
        push(context.mode); setField(-2, "mode")
        push(context.number); setField(-2, "number")
        pushArray(context.covered); setField(-2, "covered")
        if let concepts {
            pushRef(concepts)
            setField(-2, "concepts")
        }
        if let terms {
            pushRef(terms)
            setField(-2, "terms")
        }
    }

    func push(_ terms: [TopicPack.Term]) {
        newTable(arrayCount: terms.count)
        for (i, term) in terms.enumerated() {
            newTable(fieldCount: 3)
            push(term.name); setField(-2, "name")
            pushArray(term.aliases); setField(-2, "aliases")
            push(term.definition); setField(-2, "definition")
            lua_rawseti(L, -2, lua_Integer(i + 1))
        }
    }

    func push(_ concepts: [TopicPack.Concept]) {
        newTable(arrayCount: concepts.count)
        for (i, concept) in concepts.enumerated() {
            newTable(fieldCount: 2)
            push(concept.name); setField(-2, "name")
            pushArray(concept.match); setField(-2, "match")
            lua_rawseti(L, -2, lua_Integer(i + 1))
        }
    }

    /// `turn` but its `history` and `asked` (`ScriptRuntime.attachLists`).
    func push(_ turn: TurnContext) {
        newTable(fieldCount: 11)
        push(turn.topic); setField(-2, "topic")
        push(turn.mode); setField(-2, "mode")
        push(turn.number); setField(-2, "number")
        push(turn.explanation); setField(-2, "explanation")
        push(turn.analysis); setField(-2, "analysis")
        pushArray(turn.covered); setField(-2, "covered")
        pushArray(turn.shaky); setField(-2, "shaky")
        if let last = turn.lastClaudeAnalysis {
            push(last); setField(-2, "last_claude_analysis")
        }
        if let question = turn.question {
            push(question); setField(-2, "question")
        }
    }

    func push(_ session: SessionInfo) {
        newTable(fieldCount: 4)
        push(session.id); setField(-2, "id")
        push(session.topic); setField(-2, "topic")
        push(session.mode); setField(-2, "mode")
        push(session.turns); setField(-2, "turns")
    }

    /// Most items a heuristic may return in one list; more is a script bug, not an analysis.
    static let maxListItems = 100

    /// A score as returned: finite and within [0, 1], or an error; never rescaled, and clamped
    /// only when asked (`clamp`, research's `--clamp`).
    private static func score(_ spec: SpecReader, _ key: String, clamp: Bool) throws(SpecError) -> Double? {
        guard let value = try spec.number(key) else { return nil }
        if clamp, !value.isNaN { return min(1, max(0, value)) }
        guard value.isFinite, (0...1).contains(value) else {
            throw SpecError(message: "field '\(key)' is \(value.isNaN ? "nan" : "\(value)"), outside [0, 1]")
        }
        return value
    }

    /// Reads the table a heuristic returned (on top of the stack).
    func heuristicResult(name: String, weight: Double, clamp: Bool = false) throws(SpecError) -> HeuristicResult {
        guard type(at: -1) == LUA_TTABLE else {
            throw SpecError(message: "returned \(typeName(at: -1)), expected a table of analysis fields")
        }
        let spec = SpecReader(self, table: -1)
        try spec.check(.analysis)
        let limit = Self.maxListItems
        return HeuristicResult(
            name: name, weight: weight,
            confidenceScore: try Self.score(spec, "confidence_score", clamp: clamp),
            clarityScore: try Self.score(spec, "clarity_score", clamp: clamp),
            knowledgeGaps: try spec.strings("knowledge_gaps", limit: limit) ?? [],
            unexplainedJargon: try spec.strings("unexplained_jargon", limit: limit) ?? [],
            strengths: try spec.strings("strengths", limit: limit) ?? [],
            notes: try spec.strings("notes", limit: limit) ?? [],
            covered: try spec.strings("covered", limit: limit) ?? [])
    }
}

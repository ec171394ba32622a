/// The keys each table a script hands to teachback may hold. Registration rejects any other key
/// (naming the nearest known one), and a test checks `plugins/teachback.d.lua` against these
/// lists, so the editor stub and what the host enforces cannot drift apart.
struct Schema: Sendable {
    struct Field: Sendable {
        var name: String
        /// The LuaCATS type, `?` when optional: the stub's `---@field name type`.
        var type: String
        var doc: String
    }

    /// The stub's class name (`teachback.ModeSpec`).
    var className: String
    var fields: [Field]

    var keys: [String] { fields.map(\.name) }

    /// The stub's `---@field` lines for this schema.
    var stubLines: [String] {
        ["---@class \(className)"] + fields.map { f in
            let name = f.type.hasSuffix("?") ? f.name + "?" : f.name
            let type = f.type.hasSuffix("?") ? String(f.type.dropLast()) : f.type
            return "---@field \(name) \(type)" + (f.doc.isEmpty ? "" : " \(f.doc)")
        }
    }

    static let mode = Schema(className: "teachback.ModeSpec", fields: [
        Field(name: "name", type: "string", doc: "required, matches [a-z0-9-]+"),
        Field(name: "description", type: "string?", doc: ""),
        Field(name: "greeting", type: "string|fun(session: teachback.Session): string?", doc: "`{topic}` is replaced"),
        Field(name: "system", type: "string|fun(session: teachback.Session): string?",
              doc: "Claude's system prompt; `{topic}` is replaced"),
        Field(name: "prompt", type: "fun(turn: teachback.Turn): string?", doc: "the question request's user message"),
        Field(name: "fallback", type: "fun(turn: teachback.Turn): string",
              doc: "required: the offline question (`persona.fallback` of modes/lib/persona.lua is a shared one)"),
        Field(name: "temperature", type: "number?", doc: "sent to Claude only when set"),
        Field(name: "max_tokens", type: "integer?", doc: "sent to Claude only when set"),
    ])

    static let heuristic = Schema(className: "teachback.HeuristicSpec", fields: [
        Field(name: "name", type: "string", doc: "required, matches [a-z0-9-]+"),
        Field(name: "description", type: "string?", doc: ""),
        Field(name: "weight", type: "number?", doc: "default 1.0; scores are weight-averaged across heuristics"),
        Field(name: "analyze", type: "fun(text: string, ctx: teachback.Context): teachback.Analysis",
              doc: "required; scores must be finite and within [0, 1]"),
    ])

    static let topic = Schema(className: "teachback.TopicSpec", fields: [
        Field(name: "name", type: "string", doc: "required"),
        Field(name: "aliases", type: "string[]?", doc: ""),
        Field(name: "concepts", type: "teachback.Concept[]", doc: "required"),
        Field(name: "terms", type: "teachback.Term[]?", doc: "the topic's technical terms: jargon when used without a definition"),
    ])

    static let term = Schema(className: "teachback.Term", fields: [
        Field(name: "name", type: "string", doc: "the term as shown (\"stack frame\"); one word or several"),
        Field(name: "aliases", type: "string[]?", doc: "other spellings that are the same term (matched on Porter stems)"),
        Field(name: "definition", type: "string", doc: "required: a short plain definition (the five-year-old can say it back)"),
    ])

    static let concept = Schema(className: "teachback.Concept", fields: [
        Field(name: "name", type: "string", doc: "the concept as shown in a gap (\"base case\")"),
        Field(name: "match", type: "string[]?", doc: "phrases that count as mentioning it (matched on Porter stems; default: name)"),
    ])

    static let command = Schema(className: "teachback.CommandSpec", fields: [
        Field(name: "name", type: "string", doc: "required, matches [a-z0-9-]+; invoked as `:name`"),
        Field(name: "usage", type: "string?", doc: ""),
        Field(name: "help", type: "string?", doc: ""),
        Field(name: "run", type: "fun(args: string, session: teachback.Session?): string|nil",
              doc: "required; `session` is nil when no session is active; returns text to print"),
    ])

    static let config = Schema(className: "teachback.ConfigSpec", fields: [
        Field(name: "model", type: "string?", doc: ""),
        Field(name: "parallel", type: "boolean?", doc: ""),
        Field(name: "analytics_every", type: "integer?", doc: "1..100000"),
        Field(name: "history_turns", type: "integer?", doc: "earlier turns sent to Claude in full, 1..50 (default 6); older ones summarised"),
        Field(name: "prices", type: "table<string, teachback.Price>?", doc: "USD per million tokens, by model id"),
        Field(name: "timeouts", type: "teachback.Timeouts?", doc: "seconds per Claude call"),
        Field(name: "max_retries", type: "integer?", doc: "retries after a failed Claude call, 0..10 (default 2)"),
        Field(name: "busy_timeout", type: "number?", doc: "seconds a database write waits for another process's lock, 0..600 (default 5)"),
    ])

    static let timeouts = Schema(className: "teachback.Timeouts", fields: [
        Field(name: "connect", type: "number?", doc: "default 5; each 0.1..600"),
        Field(name: "stall", type: "number?", doc: "no byte received; default 15"),
        Field(name: "total", type: "number?", doc: "the whole call; default 60"),
    ])

    static let price = Schema(className: "teachback.Price", fields: [
        Field(name: "input", type: "number", doc: "USD per million input tokens"),
        Field(name: "output", type: "number", doc: "USD per million output tokens"),
    ])

    /// What `analyze` may return.
    static let analysis = Schema(className: "teachback.Analysis", fields: [
        Field(name: "confidence_score", type: "number?", doc: "0..1: how sure the explainer sounds"),
        Field(name: "clarity_score", type: "number?", doc: "0..1: how easy the explanation is to follow"),
        Field(name: "knowledge_gaps", type: "string[]?", doc: "concepts missing or left vague"),
        Field(name: "unexplained_jargon", type: "string[]?", doc: "terms used without being explained"),
        Field(name: "strengths", type: "string[]?", doc: "what the explanation does well"),
        Field(name: "notes", type: "string[]?", doc: "free-form remarks shown by `teachback analyze --verbose`"),
        Field(name: "covered", type: "string[]?",
              doc: "names of the topic pack's concepts this text covers: the session remembers them (`ctx.covered`)"),
    ])

    /// Every schema, in the order the stub declares them.
    static let all: [Schema] = [analysis, concept, term, mode, heuristic, topic, command, timeouts, price, config]

    /// `unknown field 'fallbak' (did you mean 'fallback'?)`, or the known keys when none is close.
    func unknownKey(_ key: String, path: String = "") -> String {
        let near = keys.map { ($0, Self.distance(key, $0)) }.min { $0.1 < $1.1 }
        let hint = near.map { $0.1 <= max(2, key.count / 3) ? "did you mean '\(path)\($0.0)'?" : nil } ?? nil
        return "unknown field '\(path)\(key)' (" + (hint ?? "known: " + keys.joined(separator: ", ")) + ")"
    }

    /// Levenshtein distance over characters.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }
}

import MCP

/// The tools `teachback mcp` offers: the original TeachBack AI server's four, with their names and
/// input schemas, and what it lacked. Each tool's arguments are checked against the same
/// parameters its input schema is made from, so the two cannot drift.
struct ToolSpec: Sendable {
    var name: String
    var description: String
    var parameters: [Parameter]
    var output: Value

    func tool() -> Tool {
        Tool(name: name, description: description,
             inputSchema: .object([
                 "type": "object",
                 "properties": .object(Dictionary(uniqueKeysWithValues: parameters.map { ($0.name, $0.schema) })),
                 "required": .array(parameters.filter(\.required).map { .string($0.name) }),
                 "additionalProperties": false,
             ]),
             outputSchema: output)
    }
}

enum ToolCatalogue {
    /// An explanation longer than this is refused (a chapter, not an explanation).
    static let maxExplanationBytes = 100_000

    static func all(modes: [String]) -> [ToolSpec] {
        let sessionID = Parameter(name: "session_id", kind: .string, description: "A session id from create_teaching_session or list_sessions")
        let explanation = Parameter(name: "explanation", kind: .string, description: "The learner's explanation, in their own words")
        let mode = Parameter(name: "mode", kind: .string, description: "The student persona", choices: modes)
        return [
            ToolSpec(name: "create_teaching_session",
                     description: "Start a teach-back session: the learner will explain TOPIC to a student persona. Returns the session id and the student's greeting.",
                     parameters: [Parameter(name: "user_id", kind: .string, description: "Who is learning (kept with the session)"),
                                  Parameter(name: "topic", kind: .string, description: "What the learner will explain"),
                                  mode],
                     output: Schema.object(["session_id": Schema.string, "topic": Schema.string, "mode": Schema.string,
                                            "greeting": Schema.string, "user_id": Schema.string])),
            ToolSpec(name: "analyze_explanation",
                     description: "Analyse an explanation: clarity and confidence (0 to 1), knowledge gaps, unexplained jargon, strengths. Records nothing.",
                     parameters: [sessionID, explanation], output: Schema.analysis),
            ToolSpec(name: "generate_question",
                     description: "The student's next question for an explanation already analysed (pass analyze_explanation's result). Records the turn.",
                     parameters: [sessionID, explanation,
                                  Parameter(name: "analysis", kind: .object, description: "The analysis object from analyze_explanation"),
                                  Parameter(name: "mode", kind: .string, description: "Ask as this persona from now on", required: false,
                                            choices: modes)],
                     output: Schema.turn),
            ToolSpec(name: "get_session_summary",
                     description: "Session analytics: learning curve, average clarity and confidence, trend, persistent gaps, topics to review.",
                     parameters: [sessionID], output: Schema.summary),
            ToolSpec(name: "teach",
                     description: "One whole turn: the explanation is analysed and the student asks back (Claude when configured, else local heuristics and scripted questions). Recorded like a REPL turn.",
                     parameters: [sessionID, explanation], output: Schema.turn),
            ToolSpec(name: "list_modes", description: "The student personas: built-in and scripted.",
                     parameters: [], output: Schema.object(["modes": Schema.array(Schema.object(["name": Schema.string, "description": Schema.string]))])),
            ToolSpec(name: "list_sessions", description: "Saved sessions, most recently active first.",
                     parameters: [Parameter(name: "limit", kind: .integer, description: "How many (default 20, at most 500)", required: false)],
                     output: Schema.object(["sessions": Schema.array(Schema.object(
                         ["id": Schema.string, "topic": Schema.string, "mode": Schema.string, "turns": Schema.integer,
                          "started_at": Schema.string, "updated_at": Schema.string]))])),
            ToolSpec(name: "review_due", description: "Topics due for review by the spaced-repetition (SM-2) schedule.",
                     parameters: [], output: Schema.object(["due": Schema.array(Schema.object(
                         ["topic": Schema.string, "due": Schema.string, "interval_days": Schema.integer, "repetitions": Schema.integer]))])),
            ToolSpec(name: "rescore_text",
                     description: "The local heuristics alone on a text: a cheap check with no Claude call and nothing recorded.",
                     parameters: [Parameter(name: "topic", kind: .string, description: "What the text is about"), explanation],
                     output: Schema.analysis),
        ]
    }
}

/// JSON Schema fragments for the tools' `outputSchema`.
enum Schema {
    static let string: Value = ["type": "string"]
    static let integer: Value = ["type": "integer"]
    static let number: Value = ["type": "number"]
    static let boolean: Value = ["type": "boolean"]
    static let nullableString: Value = ["type": .array(["string", "null"])]

    static func array(_ items: Value) -> Value { ["type": "array", "items": items] }
    static func object(_ properties: [String: Value], optional: Set<String> = []) -> Value {
        ["type": "object", "properties": .object(properties),
         "required": .array(properties.keys.sorted().filter { !optional.contains($0) }.map(Value.string))]
    }

    static let score: Value = ["type": "number", "minimum": 0, "maximum": 1]
    static let analysis = object(["confidence_score": score, "clarity_score": score, "knowledge_gaps": array(string),
                                  "unexplained_jargon": array(string), "strengths": array(string),
                                  "source": ["type": "string", "enum": ["local", "claude", "claude+local"]]])
    static let turn = object([
        "session_id": string, "number": integer, "question": string, "analysis": analysis, "topic": string, "mode": string,
        "backend": object(["analysis": string, "question": string]), "fallback_reason": nullableString,
        "timings_ms": ["type": "object"], "usage": object(["input_tokens": integer, "output_tokens": integer]),
        "saved": boolean,
    ])
    static let summary = object([
        "session_id": string, "topic": string, "mode": string, "turns": integer, "user_id": nullableString,
        "learning_curve": array(number), "confidence_over_time": array(number), "average_clarity": number,
        "average_confidence": number, "total_turns": integer,
        "clarity_trend": ["type": "string", "enum": ["no_data", "stable", "improving", "declining"]],
        "persistent_gaps": array(string), "suggested_review_topics": array(string),
    ])
}

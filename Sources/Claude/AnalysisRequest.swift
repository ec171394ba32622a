import TeachBack

/// The request for Claude's analysis of one explanation: the REPL's, MCP's and `judge`'s alike
/// (one builder, so a corpus is judged exactly as a live turn is).
package enum AnalysisRequest {
    package static let maxTokens = 600

    static let system = """
    You assess a learner's explanation of a topic, as a careful teacher would. The earlier messages \
    are the lesson so far: the learner's explanations, and a student's questions about them. Assess \
    only the newest explanation; what the learner covered earlier counts as known, not as a gap. \
    Answer with one JSON object and nothing else, with exactly these fields: "confidence_score" (0 to \
    1: how sure the explainer sounds), "clarity_score" (0 to 1: how easy it is to follow), \
    "knowledge_gaps" (short noun phrases for important ideas still missing or wrong), \
    "unexplained_jargon" (terms used without being explained), "strengths" (short phrases for what \
    the explanation does well).
    """

    /// The newest explanation, with the lesson so far (`history`, oldest first) as alternating
    /// turns: the last `keep` in full, older ones summarised (`Conversation`).
    package static func make(model: String, topic: String, explanation: String, history: [PastTurn],
                             keep: Int = Conversation.defaultTurns) -> MessageRequest {
        let user = "Topic: \(topic)\nExplanation to assess:\n\(explanation)"
        let messages = Conversation(history: history, keep: keep).messages(newest: user, system: system, model: model)
        return MessageRequest(model: model, maxTokens: maxTokens, messages: messages, system: system)
    }
}

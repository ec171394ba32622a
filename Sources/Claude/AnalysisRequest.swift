/// The analysis request the REPL sends for a turn (DESIGN §2–3), in one place so that
/// `teachback judge` asks Claude about a recorded turn exactly as the REPL asked.
package enum AnalysisRequest {
    package static let maxTokens = 600
    /// Earlier explanations of the session the request quotes.
    static let historyShown = 3

    static let system = """
    You assess a learner's explanation of a topic, as a careful teacher would. Answer with one JSON \
    object and nothing else, with exactly these fields: "confidence_score" (0 to 1: how sure the \
    explainer sounds), "clarity_score" (0 to 1: how easy it is to follow), "knowledge_gaps" (short \
    noun phrases for important ideas missing or wrong), "unexplained_jargon" (terms used without \
    being explained), "strengths" (short phrases for what the explanation does well).
    """

    /// `earlier`: the session's earlier explanations, oldest first (the last three are quoted).
    package static func make(model: String, topic: String, explanation: String, earlier: [String]) -> MessageRequest {
        var user = "Topic: \(topic)\n"
        if !earlier.isEmpty {
            user += "Earlier explanations in this session:\n"
            user += earlier.suffix(historyShown).map { "- \($0)" }.joined(separator: "\n") + "\n"
        }
        user += "Explanation to assess:\n\(explanation)"
        return MessageRequest(model: model, maxTokens: maxTokens, messages: [.init(role: .user, content: user)], system: system)
    }
}

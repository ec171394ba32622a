import Foundation
import TeachBack

/// Claude as the student (DESIGN §2–3): a non-streaming analysis request answered in JSON, and a
/// streamed question from the mode's system prompt and user message.
package final class ClaudeBackend: StudentBackend {
    package let client: MessagesClient

    package init(client: MessagesClient) { self.client = client }

    package var summary: String { "claude \(client.config.model) at \(client.config.baseURL)" }

    static let analysisMaxTokens = 600
    static let questionMaxTokens = 300

    static let analysisSystem = """
    You assess a learner's explanation of a topic, as a careful teacher would. Answer with one JSON \
    object and nothing else, with exactly these fields: "confidence_score" (0 to 1: how sure the \
    explainer sounds), "clarity_score" (0 to 1: how easy it is to follow), "knowledge_gaps" (short \
    noun phrases for important ideas missing or wrong), "unexplained_jargon" (terms used without \
    being explained), "strengths" (short phrases for what the explanation does well).
    """

    package func analyze(topic: String, explanation: String, history: [PastTurn], progress: BackendProgress) async throws -> BackendReply<Analysis> {
        var user = "Topic: \(topic)\n"
        if !history.isEmpty {
            user += "Earlier explanations in this session:\n"
            user += history.suffix(3).map { "- \($0.explanation)" }.joined(separator: "\n") + "\n"
        }
        user += "Explanation to assess:\n\(explanation)"
        let request = MessageRequest(model: client.config.model, maxTokens: Self.analysisMaxTokens,
                                     messages: [.init(role: .user, content: user)], system: Self.analysisSystem)
        let response = try await client.send(request, onRetry: Self.notify(progress, what: "analysis"))
        guard let analysis = AnalysisParser.parse(response.text) else {
            throw APIError(type: "invalid_response", message: "the analysis was not the JSON asked for")
        }
        return BackendReply(value: analysis, usage: response.usage)
    }

    package func ask(_ prompt: QuestionPrompt, progress: BackendProgress) async throws -> BackendReply<String> {
        let request = MessageRequest(model: client.config.model, maxTokens: prompt.maxTokens ?? Self.questionMaxTokens,
                                     messages: [.init(role: .user, content: prompt.user)], system: prompt.system,
                                     temperature: prompt.temperature)
        let reply = try await client.stream(request, onText: progress.text, onRetry: Self.notify(progress, what: "question"))
        return BackendReply(value: reply.text, usage: reply.usage)
    }

    private static func notify(_ progress: BackendProgress, what: String) -> @Sendable (RetryNotice) -> Void {
        { notice in
            progress.notice(String(format: "%@: retrying in %.1fs (%d/%d): %@", what, notice.delay, notice.retry, notice.of, notice.reason))
        }
    }
}

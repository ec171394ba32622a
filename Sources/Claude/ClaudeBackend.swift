import Foundation
import TeachBack

/// Claude as the student (DESIGN §2–3): a non-streaming analysis request answered in JSON, and a
/// streamed question from the mode's system prompt and user message.
package final class ClaudeBackend: StudentBackend {
    package let client: MessagesClient

    package init(client: MessagesClient) { self.client = client }

    package var summary: String { "claude \(client.config.model) at \(client.config.baseURL)" }

    static let questionMaxTokens = 300

    package func analyze(topic: String, explanation: String, history: [PastTurn], progress: BackendProgress) async throws -> BackendReply<Analysis> {
        let request = AnalysisRequest.make(model: client.config.model, topic: topic, explanation: explanation,
                                           earlier: history.map(\.explanation))
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

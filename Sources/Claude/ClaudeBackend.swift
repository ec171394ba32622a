import Foundation
import TeachBack

/// Claude as the student (DESIGN §2–3): a non-streaming analysis request answered in JSON, and a
/// streamed question from the mode's system prompt and user message. Both carry the conversation
/// so far as alternating turns (`Conversation`), whatever the persona.
package final class ClaudeBackend: StudentBackend {
    package let client: MessagesClient
    /// How many earlier turns go in full (`history_turns` in init.lua); older ones are summarised.
    package let historyTurns: Int

    package init(client: MessagesClient, historyTurns: Int? = nil) {
        self.client = client
        self.historyTurns = historyTurns ?? Conversation.defaultTurns
    }

    package var summary: String { "claude \(client.config.model) at \(client.config.baseURL)" }

    static let questionMaxTokens = 300

    package func analyze(topic: String, explanation: String, history: [PastTurn], progress: BackendProgress) async throws -> BackendReply<Analysis> {
        let request = analysisRequest(topic: topic, explanation: explanation, history: history)
        let response = try await client.send(request, onRetry: Self.notify(progress, what: "analysis"))
        guard let analysis = AnalysisParser.parse(response.text) else {
            throw APIError(type: "invalid_response", message: "the analysis was not the JSON asked for")
        }
        return BackendReply(value: analysis, usage: response.usage)
    }

    package func ask(_ prompt: QuestionPrompt, progress: BackendProgress) async throws -> BackendReply<String> {
        let reply = try await client.stream(questionRequest(prompt), onText: progress.text, onRetry: Self.notify(progress, what: "question"))
        return BackendReply(value: reply.text, usage: reply.usage)
    }

    package func requests(topic: String, explanation: String, history: [PastTurn], question: QuestionPrompt?) -> [BackendRequest] {
        var out = [BackendRequest(purpose: "analysis", body: text(analysisRequest(topic: topic, explanation: explanation, history: history)))]
        if let question {
            var streaming = questionRequest(question)
            streaming.stream = true
            out.append(BackendRequest(purpose: "question", body: text(streaming)))
        }
        return out
    }

    func analysisRequest(topic: String, explanation: String, history: [PastTurn]) -> MessageRequest {
        AnalysisRequest.make(model: client.config.model, topic: topic, explanation: explanation, history: history, keep: historyTurns)
    }

    func questionRequest(_ prompt: QuestionPrompt) -> MessageRequest {
        let messages = Conversation(history: prompt.history, keep: historyTurns)
            .messages(newest: prompt.user, system: prompt.system, model: client.config.model)
        return MessageRequest(model: client.config.model, maxTokens: prompt.maxTokens ?? Self.questionMaxTokens,
                              messages: messages, system: prompt.system, temperature: prompt.temperature)
    }

    private func text(_ request: MessageRequest) -> String {
        (try? client.body(request)).map { String(decoding: $0, as: UTF8.self) } ?? "(the request could not be encoded)"
    }

    private static func notify(_ progress: BackendProgress, what: String) -> @Sendable (RetryNotice) -> Void {
        { notice in
            progress.notice(String(format: "%@: retrying in %.1fs (%d/%d): %@", what, notice.delay, notice.retry, notice.of, notice.reason))
        }
    }
}

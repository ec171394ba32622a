/// The seam to a remote student (Claude): its analysis of an explanation and its streamed
/// question. When no backend is configured the TurnEngine works offline from the scripts alone.
package protocol StudentBackend: Sendable {
    /// One line for `:backend`: name, model, where it is.
    var summary: String { get }
    func analyze(topic: String, explanation: String, history: [PastTurn], progress: BackendProgress) async throws -> BackendReply<Analysis>
    /// Streams the question, reporting each fragment through `progress.text` as it arrives.
    func ask(_ prompt: QuestionPrompt, progress: BackendProgress) async throws -> BackendReply<String>
    /// The requests `analyze` and `ask` would send, as sent (`:prompt`), with no call made: one
    /// titled text each; `question` nil leaves the question request out.
    func requests(topic: String, explanation: String, history: [PastTurn], question: QuestionPrompt?) -> [BackendRequest]
}

/// A request as a backend would send it, for `:prompt`.
package struct BackendRequest: Sendable, Equatable {
    /// What it is for: "analysis" or "question".
    package var purpose: String
    /// The request body exactly as sent.
    package var body: String
    package init(purpose: String, body: String) {
        self.purpose = purpose
        self.body = body
    }
}

extension StudentBackend {
    package func requests(topic: String, explanation: String, history: [PastTurn], question: QuestionPrompt?) -> [BackendRequest] { [] }
}

/// What a backend reports while it works: streamed text, and notices such as
/// "retrying in 1.0s (1/2)". Both are called from whatever thread the backend runs on.
package struct BackendProgress: Sendable {
    package var text: @Sendable (String) -> Void
    package var notice: @Sendable (String) -> Void
    package init(text: @escaping @Sendable (String) -> Void = { _ in }, notice: @escaping @Sendable (String) -> Void = { _ in }) {
        self.text = text
        self.notice = notice
    }
}

package struct BackendReply<Value: Sendable>: Sendable {
    package var value: Value
    package var usage: TokenUsage
    package init(value: Value, usage: TokenUsage) {
        self.value = value
        self.usage = usage
    }
}

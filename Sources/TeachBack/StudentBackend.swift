/// The seam to a remote student (Claude): its analysis of an explanation and its streamed
/// question. When no backend is configured the TurnEngine works offline from the scripts alone.
public protocol StudentBackend: Sendable {
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
public struct BackendRequest: Sendable, Equatable {
    /// What it is for: "analysis" or "question".
    public var purpose: String
    /// The request body exactly as sent.
    public var body: String
    public init(purpose: String, body: String) {
        self.purpose = purpose
        self.body = body
    }
}

extension StudentBackend {
    public func requests(topic: String, explanation: String, history: [PastTurn], question: QuestionPrompt?) -> [BackendRequest] { [] }
}

/// What a backend reports while it works: streamed text, and notices such as
/// "retrying in 1.0s (1/2)". Both are called from whatever thread the backend runs on.
public struct BackendProgress: Sendable {
    public var text: @Sendable (String) -> Void
    public var notice: @Sendable (String) -> Void
    public init(text: @escaping @Sendable (String) -> Void = { _ in }, notice: @escaping @Sendable (String) -> Void = { _ in }) {
        self.text = text
        self.notice = notice
    }
}

public struct BackendReply<Value: Sendable>: Sendable {
    public var value: Value
    public var usage: TokenUsage
    public init(value: Value, usage: TokenUsage) {
        self.value = value
        self.usage = usage
    }
}

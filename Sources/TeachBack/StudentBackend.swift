/// The seam to a remote student (Claude): its analysis of an explanation and its streamed
/// question. When no backend is configured the TurnEngine works offline from the scripts alone.
public protocol StudentBackend: Sendable {
    /// One line for `:backend`: name, model, where it is.
    var summary: String { get }
    func analyze(topic: String, explanation: String, history: [PastTurn]) async throws -> BackendReply<Analysis>
    /// Streams the question, calling `onText` with each fragment as it arrives.
    func ask(_ prompt: QuestionPrompt, onText: @escaping @Sendable (String) -> Void) async throws -> BackendReply<String>
}

public struct BackendReply<Value: Sendable>: Sendable {
    public var value: Value
    public var usage: TokenUsage
    public init(value: Value, usage: TokenUsage) {
        self.value = value
        self.usage = usage
    }
}

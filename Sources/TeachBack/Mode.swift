/// A persona as listed by `:modes`; its behaviour lives in its Lua script.
public struct ModeInfo: Sendable, Equatable {
    public var name: String
    public var description: String
    public var file: String
    public init(name: String, description: String, file: String) {
        self.name = name
        self.description = description
        self.file = file
    }
}

/// What Claude is asked for the student's next question: system and newest message from the
/// mode's script, the conversation before it from the engine.
public struct QuestionPrompt: Sendable, Equatable {
    public var system: String
    public var user: String
    public var temperature: Double?
    public var maxTokens: Int?
    /// The earlier turns, which the backend sends as the conversation before `user` (set by the
    /// engine, so every persona's request carries them).
    public var history: [PastTurn]
    public init(system: String, user: String, temperature: Double? = nil, maxTokens: Int? = nil, history: [PastTurn] = []) {
        self.system = system
        self.user = user
        self.temperature = temperature
        self.maxTokens = maxTokens
        self.history = history
    }
}

/// A persona as listed by `:modes`; its behaviour lives in its Lua script.
package struct ModeInfo: Sendable, Equatable {
    package var name: String
    package var description: String
    package var file: String
    package init(name: String, description: String, file: String) {
        self.name = name
        self.description = description
        self.file = file
    }
}

/// What Claude is asked for the student's next question: system and newest message from the
/// mode's script, the conversation before it from the engine.
package struct QuestionPrompt: Sendable, Equatable {
    package var system: String
    package var user: String
    package var temperature: Double?
    package var maxTokens: Int?
    /// The earlier turns, which the backend sends as the conversation before `user` (set by the
    /// engine, so every persona's request carries them).
    package var history: [PastTurn]
    package init(system: String, user: String, temperature: Double? = nil, maxTokens: Int? = nil, history: [PastTurn] = []) {
        self.system = system
        self.user = user
        self.temperature = temperature
        self.maxTokens = maxTokens
        self.history = history
    }
}

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

/// What Claude is asked for the student's next question, built by the mode's script.
public struct QuestionPrompt: Sendable, Equatable {
    public var system: String
    public var user: String
    public var temperature: Double?
    public var maxTokens: Int?
    public init(system: String, user: String, temperature: Double? = nil, maxTokens: Int? = nil) {
        self.system = system
        self.user = user
        self.temperature = temperature
        self.maxTokens = maxTokens
    }
}

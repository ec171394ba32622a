import Foundation

/// One explanation and the student's answer to it, with everything needed to audit it later:
/// both analyses, which backend produced each part, why anything fell back, timings and tokens.
public struct Turn: Codable, Sendable, Equatable {
    /// Who produced each half of the turn.
    public struct Backends: Codable, Sendable, Equatable {
        public enum AnalysisSource: String, Codable, Sendable { case claude, local }
        public enum QuestionSource: String, Codable, Sendable { case claude, fallback }
        public var analysis: AnalysisSource
        public var question: QuestionSource
        public init(analysis: AnalysisSource, question: QuestionSource) {
            self.analysis = analysis
            self.question = question
        }
        public static let offline = Backends(analysis: .local, question: .fallback)
    }

    /// Milliseconds; `nil` where the step did not happen (no stream, no Claude analysis).
    /// Keys are always present (null when a step did not happen), as `ask --json` promises.
    public struct Timings: Codable, Sendable, Equatable {
        public var total: Double
        @Nullable public var analysis: Double?
        @Nullable public var firstToken: Double?
        public init(total: Double, analysis: Double? = nil, firstToken: Double? = nil) {
            self.total = total
            self.analysis = analysis
            self.firstToken = firstToken
        }
        enum CodingKeys: String, CodingKey { case total, analysis, firstToken = "first_token" }
    }

    public var number: Int
    public var mode: String
    public var explanation: String
    public var question: String
    /// True when Ctrl-C stopped the question part-way; `question` holds what arrived.
    public var interrupted: Bool
    public var localAnalysis: Analysis
    public var claudeAnalysis: Analysis?
    public var analysis: Analysis
    public var backend: Backends
    public var fallbackReason: String?
    public var timings: Timings
    public var usage: TokenUsage
    public var createdAt: Date
    /// The topic pack's concepts this explanation covered, as the heuristics reported them; nil
    /// for turns recorded before sessions remembered (imports of the original service's format).
    public var covered: [String]?

    public init(number: Int, mode: String, explanation: String, question: String, interrupted: Bool = false,
                localAnalysis: Analysis, claudeAnalysis: Analysis? = nil, backend: Backends = .offline,
                fallbackReason: String? = nil, timings: Timings, usage: TokenUsage = .zero, createdAt: Date = Date(),
                covered: [String]? = nil) {
        self.number = number
        self.mode = mode
        self.explanation = explanation
        self.question = question
        self.interrupted = interrupted
        self.localAnalysis = localAnalysis
        self.claudeAnalysis = claudeAnalysis
        self.analysis = Analysis.merged(claude: claudeAnalysis, local: localAnalysis)
        self.backend = backend
        self.fallbackReason = fallbackReason
        self.timings = timings
        self.usage = usage
        self.createdAt = createdAt
        self.covered = covered
    }

    enum CodingKeys: String, CodingKey {
        case number, mode, explanation, question, interrupted, analysis, backend, timings, usage, covered
        case localAnalysis = "local_analysis", claudeAnalysis = "claude_analysis"
        case fallbackReason = "fallback_reason", createdAt = "created_at"
    }
}

/// Tokens a turn (or a session) spent with Claude.
public struct TokenUsage: Codable, Sendable, Equatable {
    public var inputTokens: Int
    public var outputTokens: Int
    public init(inputTokens: Int = 0, outputTokens: Int = 0) {
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
    }
    public static let zero = TokenUsage()
    public static func + (a: TokenUsage, b: TokenUsage) -> TokenUsage {
        TokenUsage(inputTokens: a.inputTokens + b.inputTokens, outputTokens: a.outputTokens + b.outputTokens)
    }
    enum CodingKeys: String, CodingKey { case inputTokens = "input_tokens", outputTokens = "output_tokens" }
}

import Foundation

/// One explanation and the student's answer to it, with everything needed to audit it later:
/// both analyses, which backend produced each part, why anything fell back, timings and tokens.
package struct Turn: Codable, Sendable, Equatable {
    /// Who produced each half of the turn.
    package struct Backends: Codable, Sendable, Equatable {
        package enum AnalysisSource: String, Codable, Sendable { case claude, local }
        package enum QuestionSource: String, Codable, Sendable { case claude, fallback }
        package var analysis: AnalysisSource
        package var question: QuestionSource
        package init(analysis: AnalysisSource, question: QuestionSource) {
            self.analysis = analysis
            self.question = question
        }
        package static let offline = Backends(analysis: .local, question: .fallback)
    }

    /// Milliseconds; `nil` where the step did not happen (no stream, no Claude analysis).
    /// Keys are always present (null when a step did not happen), as `ask --json` promises.
    package struct Timings: Codable, Sendable, Equatable {
        package var total: Double
        @Nullable package var analysis: Double?
        @Nullable package var firstToken: Double?
        package init(total: Double, analysis: Double? = nil, firstToken: Double? = nil) {
            self.total = total
            self.analysis = analysis
            self.firstToken = firstToken
        }
        enum CodingKeys: String, CodingKey { case total, analysis, firstToken = "first_token" }
    }

    package var number: Int
    package var mode: String
    package var explanation: String
    package var question: String
    /// True when Ctrl-C stopped the question part-way; `question` holds what arrived.
    package var interrupted: Bool
    package var localAnalysis: Analysis
    package var claudeAnalysis: Analysis?
    package var analysis: Analysis
    package var backend: Backends
    package var fallbackReason: String?
    package var timings: Timings
    package var usage: TokenUsage
    package var createdAt: Date
    /// The topic pack's concepts this explanation covered, as the heuristics reported them; nil
    /// for turns recorded before sessions remembered (imports of the original service's format).
    package var covered: [String]?

    package init(number: Int, mode: String, explanation: String, question: String, interrupted: Bool = false,
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
package struct TokenUsage: Codable, Sendable, Equatable {
    package var inputTokens: Int
    package var outputTokens: Int
    package init(inputTokens: Int = 0, outputTokens: Int = 0) {
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
    }
    package static let zero = TokenUsage()
    package static func + (a: TokenUsage, b: TokenUsage) -> TokenUsage {
        TokenUsage(inputTokens: a.inputTokens + b.inputTokens, outputTokens: a.outputTokens + b.outputTokens)
    }
    enum CodingKeys: String, CodingKey { case inputTokens = "input_tokens", outputTokens = "output_tokens" }
}

/// A model's price in USD per million tokens, from `init.lua`, for what tokens cost.
package struct Price: Sendable, Equatable {
    package var input: Double
    package var output: Double
    package init(input: Double, output: Double) {
        self.input = input
        self.output = output
    }
}

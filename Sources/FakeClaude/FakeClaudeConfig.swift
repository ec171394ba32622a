/// Which kind of Messages request a recording or a fault queue is about.
///
/// teachback sends two kinds: a non-streaming "analysis" and a streamed "question"
/// (`"stream": true`). Anything else the server sees (other paths) is `other`.
package enum RequestKind: String, Sendable, Hashable, CaseIterable {
    case analysis
    case question
    case other
    /// The Message Batches endpoints, each with its own fault queue.
    case batchCreate, batchRetrieve, batchList, batchCancel, batchResults, batchDelete
}

/// Timing and content of the replies for one kind of request.
///
/// Times are seconds. `latency` is spent before the response headers; `firstTokenDelay`
/// and `tokenInterval` only matter for streams, `analysisText` only for analyses.
package struct Scenario: Sendable, Equatable {
    package var latency: Double
    package var firstTokenDelay: Double
    package var tokenInterval: Double
    package var tokens: [String]
    package var analysisText: String

    package init(
        latency: Double = 0,
        firstTokenDelay: Double = 0,
        tokenInterval: Double = 0,
        tokens: [String] = Scenario.defaultTokens,
        analysisText: String = Scenario.defaultAnalysisText
    ) {
        self.latency = latency
        self.firstTokenDelay = firstTokenDelay
        self.tokenInterval = tokenInterval
        self.tokens = tokens
        self.analysisText = analysisText
    }

    package static let defaultTokens = ["Why ", "does ", "the ", "base ", "case ", "matter?"]

    /// A DESIGN §3 analysis, as Claude would answer it (field order kept stable for tests).
    package static let defaultAnalysisText =
        #"{"confidence_score": 0.8, "clarity_score": 0.7, "knowledge_gaps": ["base case"], "#
        + #""unexplained_jargon": ["stack frame"], "strengths": ["uses an example"]}"#

    /// `count` word fragments forming one long question, for long streams (`--tokens N`, benchmarks).
    package static func generatedTokens(_ count: Int) -> [String] {
        let words = ("Why does the base case stop the recursion before the stack runs out, and how "
            + "would you show that every call gets closer to it").split(separator: " ").map { String($0) + " " }
        guard count > 0 else { return [] }
        var tokens = (0..<count).map { words[$0 % words.count] }
        tokens[count - 1] = String(tokens[count - 1].dropLast().trimmingSuffix(",")) + "?"
        return tokens
    }
}

/// Everything a test or the executable can tune; replace it at any time with
/// `FakeClaudeServer.setConfig(_:)` (requests already being answered keep their copy).
package struct FakeClaudeConfig: Sendable, Equatable {
    package var analysis: Scenario
    package var question: Scenario
    /// Fraction (0...1) of messages requests, when no fault is queued, answered with a random
    /// retryable failure: 500, 529, 429 with a short `retry-after-ms`, or (streams) a cut stream.
    package var failRate: Double
    /// Seed of the generator behind `failRate`; replacing the config with a new seed restarts it.
    package var seed: UInt64
    /// Answer 400 to a messages request without `model`, `max_tokens` or `messages`,
    /// as the real API does, so client bugs show up against the fake too.
    package var validateRequests: Bool
    /// Send a `ping` event after `content_block_start`, as the real API does.
    package var pingAfterBlockStart: Bool
    /// The `model` in replies; nil echoes the request's model.
    package var model: String?
    /// How Message Batches are processed.
    package var batches: BatchScenario

    package init(
        analysis: Scenario = Scenario(),
        question: Scenario = Scenario(),
        failRate: Double = 0,
        seed: UInt64 = 0,
        validateRequests: Bool = true,
        pingAfterBlockStart: Bool = false,
        model: String? = nil,
        batches: BatchScenario = BatchScenario()
    ) {
        self.analysis = analysis
        self.question = question
        self.failRate = failRate
        self.seed = seed
        self.validateRequests = validateRequests
        self.pingAfterBlockStart = pingAfterBlockStart
        self.model = model
        self.batches = batches
    }

    /// The scenario for `kind`; `other` requests use the analysis one (only its latency matters).
    package func scenario(for kind: RequestKind) -> Scenario {
        kind == .question ? question : analysis
    }
}

extension Substring {
    fileprivate func trimmingSuffix(_ character: Character) -> Substring {
        last == character ? dropLast() : self
    }
}

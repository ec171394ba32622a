/// What the student makes of one explanation (DESIGN §3). Field names on the wire are the
/// original TeachBack AI service's, so its tools can read ours.
package struct Analysis: Codable, Sendable, Equatable {
    /// Where the analysis came from: `local` (Lua heuristics), `claude`, or `claude+local` (merged).
    package enum Source: String, Codable, Sendable {
        case local, claude
        case merged = "claude+local"
    }

    package var confidenceScore: Double
    package var clarityScore: Double
    package var knowledgeGaps: [String]
    package var unexplainedJargon: [String]
    package var strengths: [String]
    package var source: Source

    /// The score used when nothing measured one: neither good nor bad.
    package static let neutralScore = 0.5

    package init(confidenceScore: Double = Analysis.neutralScore, clarityScore: Double = Analysis.neutralScore,
                knowledgeGaps: [String] = [], unexplainedJargon: [String] = [], strengths: [String] = [],
                source: Source = .local) {
        self.confidenceScore = Analysis.normalizedScore(confidenceScore)
        self.clarityScore = Analysis.normalizedScore(clarityScore)
        self.knowledgeGaps = knowledgeGaps
        self.unexplainedJargon = unexplainedJargon
        self.strengths = strengths
        self.source = source
    }

    enum CodingKeys: String, CodingKey {
        case confidenceScore = "confidence_score", clarityScore = "clarity_score"
        case knowledgeGaps = "knowledge_gaps", unexplainedJargon = "unexplained_jargon"
        case strengths, source
    }

    /// Decodes leniently: missing lists are empty, missing scores neutral, a missing source is
    /// `local`, so records from the original service (which had no `source`) still load.
    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            confidenceScore: try c.decodeIfPresent(Double.self, forKey: .confidenceScore) ?? Analysis.neutralScore,
            clarityScore: try c.decodeIfPresent(Double.self, forKey: .clarityScore) ?? Analysis.neutralScore,
            knowledgeGaps: try c.decodeIfPresent([String].self, forKey: .knowledgeGaps) ?? [],
            unexplainedJargon: try c.decodeIfPresent([String].self, forKey: .unexplainedJargon) ?? [],
            strengths: try c.decodeIfPresent([String].self, forKey: .strengths) ?? [],
            source: try c.decodeIfPresent(Source.self, forKey: .source) ?? .local)
    }

    /// Scores are 0...1; a model answering on 0...100 is divided by 100; anything else is clamped.
    package static func normalizedScore(_ value: Double) -> Double {
        guard value.isFinite else { return neutralScore }
        let scaled = value > 1 && value <= 100 ? value / 100 : value
        return min(1, max(0, scaled))
    }

    /// Claude's scores with local list items Claude did not mention appended (DESIGN §3).
    package static func merged(claude: Analysis?, local: Analysis) -> Analysis {
        guard let claude else { return local }
        return Analysis(
            confidenceScore: claude.confidenceScore, clarityScore: claude.clarityScore,
            knowledgeGaps: Terms.union(claude.knowledgeGaps, local.knowledgeGaps),
            unexplainedJargon: Terms.union(claude.unexplainedJargon, local.unexplainedJargon),
            strengths: Terms.union(claude.strengths, local.strengths),
            source: .merged)
    }
}
